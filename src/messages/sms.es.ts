import type { SmsCatalogue } from './sms.ts';

export const smsEs: SmsCatalogue = {
  optOutConfirmed: (s) =>
    `${s.name}: Se ha dado de baja y no recibirá más mensajes de texto nuestros. Responda START para volver a recibirlos.`,
  // Every text here goes by SMS only: words without á, í, ó or ú keep it GSM-7 (see smsShort.ts).
  optInConfirmed: (s) =>
    `${s.name}: Le volveremos a enviar mensajes de texto. Pueden aplicarse tarifas de mensajes y datos. Responda HELP para obtener ayuda, STOP para darse de baja.`,
  help: (s) =>
    `${s.name}: mensajes sobre su cuenta. Para obtener ayuda, llame al ${s.helpPhone}. Frecuencia variable: hasta ${s.weeklyCap} por semana, y las respuestas a sus mensajes. Pueden aplicarse tarifas de mensajes y datos. Responda STOP para darse de baja.`,
  // GSM-7 only (no accents): the footer must not push a part into UCS-2.
  footer: (s) => `${s.name} es un cobrador de deudas. Responda STOP para darse de baja.`,
};
