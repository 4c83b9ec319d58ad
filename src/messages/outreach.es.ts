import type { OutreachCatalogue } from './outreach.ts';

export const outreachEs: OutreachCatalogue = {
  locale: 'es-US',
  smsFirst: (name, c) =>
    `Hola ${name}, este es un intento de cobrar una deuda; la informacion obtenida se usara para ese fin. Responda aqui o llame al ${c.phone}.`,
  emailSubject: (c) => `Un mensaje de ${c.name}`,
  emailFirst: (name, c) =>
    `Hola ${name}:\n\nLe escribe ${c.name}. Queremos hablar con usted en privado sobre un asunto personal de negocios. Puede comunicarse con nosotros en nuestro chat en cualquier momento, o llamarnos al ${c.phone} (${c.hours}).`,
  emailChat: (link) => `Hable con nosotros en nuestro chat seguro: ${link}\nAntes de hablar de cualquier cosa, el chat le hace unas preguntas para confirmar que es usted.`,
  emailChatButton: 'Abrir el chat',
  emailNoticeFollows: (link) =>
    `A continuación encontrará su aviso de validación. Explica la deuda y sus derechos. Consérvelo; también puede abrirlo, guardarlo o imprimirlo aquí: ${link}`,
  emailDisclosure: (c) =>
    `${c.name} es un cobrador de deudas. Estamos intentando cobrar una deuda y cualquier información obtenida se utilizará para ese fin.`,
  emailOptOut: (link) => `Para dejar de recibir nuestros correos, abra este enlace: ${link}`,
  emailOptOutLink: 'Dejar de recibir correos',
  emailFooter: (c) => `${c.name}, ${c.address}. ${c.phone} (${c.hours}).`,
  unsubscribedTitle: 'No recibirá más correos nuestros',
  unsubscribedBody: (c) =>
    `Hemos registrado su solicitud: ${c.name} no enviará más correos a esta dirección. Si cambia de opinión, o quiere comunicarse de otra forma, llame al ${c.phone} (${c.hours}).`,
  unsubscribeInvalidTitle: 'Este enlace no es válido',
  unsubscribeInvalidBody: (c) => `No pudimos leer este enlace. Para dejar de recibir nuestros correos, llame al ${c.phone} (${c.hours}) o responda a nuestro correo.`,
};
