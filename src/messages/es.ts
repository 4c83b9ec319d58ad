import { collectorHours, type Catalogue } from './catalogue.ts';

const CFPB = 'www.consumerfinance.gov/es/cobro-de-deudas';

export const es: Catalogue = {
  locale: 'es-US',
  greeting: (c) =>
    `Hola, soy el asistente virtual de ${c.name}. Puedo ayudarle a revisar y resolver una cuenta de forma privada y a su ritmo.`,
  agentAnytime: () => 'Puede escribir "agente" en cualquier momento para hablar con una persona.',
  askIdentifier: () =>
    'Antes de hablar de cualquier cuenta, necesito confirmar su identidad. Por favor, escriba su número de cuenta o su nombre completo.',
  askIdentifierAgain: () =>
    'Por favor, envíe el número de cuenta que aparece en nuestra carta o correo, o su nombre y apellido.',
  askDob: () => 'Gracias. ¿Cuál es su fecha de nacimiento? (por ejemplo, 12 de abril de 1985)',
  askDobFirst: () =>
    'Antes de hablar de cualquier cuenta, necesito confirmar su identidad. ¿Cuál es su fecha de nacimiento? (por ejemplo, 12 de abril de 1985)',
  askDobAgainAmbiguous: () =>
    'Quiero asegurarme de leer bien esa fecha. Por favor, escriba el mes con letras, por ejemplo 5 de abril de 1985.',
  askDobInvalid: () => 'No pude leer esa fecha. Por favor, escriba su fecha de nacimiento así: 12 de abril de 1985.',
  askFactor: () => '¿Y su código postal (ZIP), o los últimos 4 dígitos de su número de Seguro Social?',
  askFactorInvalid: () => 'Por favor, envíe su código postal de 5 dígitos, o los últimos 4 dígitos de su número de Seguro Social.',
  verifyFirst: () => 'Puedo ayudarle con eso en cuanto haya confirmado su identidad.',
  verifyFirstToRecord: () =>
    'Puedo dejarlo registrado. Primero necesito confirmar su identidad, para que quede en el registro correcto.',
  verifyFailed: () => 'No pude confirmar esos datos. Intentémoslo de nuevo.',
  verifyFailedBySms: () => 'No pude confirmar esos datos. Intentémoslo de nuevo. Si escribe desde un número que quizá no tengamos, envíe su número de cuenta con su fecha de nacimiento y código postal.',
  verifyExhausted: (c) =>
    `Lo siento, no pude confirmar su identidad. Por su seguridad, inténtelo más tarde, o escriba "agente" para hablar con una persona. También puede llamarnos al ${c.phone} (${collectorHours(c, 'es')}).`,
  verificationExpired: () => 'Ha pasado un tiempo, así que por su seguridad necesito confirmar su identidad de nuevo.',
  verified: (firstName) => `Gracias, ${firstName}. Su identidad está confirmada.`,
  disclosure: (c) =>
    `${c.name} es una agencia de cobro de deudas. Estamos intentando cobrar una deuda y cualquier información que obtengamos se utilizará con ese fin.`,
  balanceSummary: (a) =>
    `Su cuenta ${a.maskedAccountNumber} con ${a.creditor} tiene un saldo actual de ${a.current}. El acreedor original fue ${a.originalCreditor}.`,
  itemization: (a) =>
    `Así se compone el saldo. El ${a.itemizationDate} la cantidad adeudada era ${a.itemizationAmount}. Desde entonces: intereses ${a.interest}, cargos ${a.fees}, pagos ${a.payments} y créditos ${a.credits}. Eso suma ${a.current} hoy. Si algo no le parece correcto, puede disputar toda la deuda o una parte.`,
  rightsSummary: (a) =>
    `Sus derechos: hasta el ${a.validationEnds} puede disputar toda esta deuda o una parte, o pedir el nombre y la dirección del acreedor original. Si lo hace, debemos suspender el cobro de la parte disputada hasta enviarle la verificación. Puede hacerlo aquí mismo: solo dígamelo con sus propias palabras. Puede obtener más información sobre sus derechos en ${CFPB}.`,
  askEsign: () =>
    'Podemos entregarle su aviso de validación de forma electrónica, como una página que puede guardar o imprimir. ¿Acepta recibir avisos sobre esta cuenta de forma electrónica? Puede retirar su consentimiento en cualquier momento o pedir copias en papel. Por favor, responda sí o no.',
  askEsignAgain: () => 'Por favor, responda sí para recibir los avisos de forma electrónica, o no para recibirlos por correo.',
  esignAccepted: (link) => `Gracias. Aquí está su aviso de validación, que puede guardar o imprimir: ${link}`,
  esignDeclined: () => 'De acuerdo. Le enviaremos el aviso de validación por correo a la dirección que tenemos registrada.',
  noticeLink: (link) => `Su aviso de validación está aquí, para guardar o imprimir: ${link}`,
  esignWithdrawn: () =>
    'Listo. Hemos registrado que retiró su consentimiento para recibir avisos electrónicos. A partir de ahora le enviaremos los avisos sobre esta cuenta por correo postal, y le enviaremos por correo una copia en papel de su aviso de validación a la dirección que tenemos registrada.',
  noticesByMail: () =>
    'Le enviamos los avisos sobre esta cuenta por correo postal, a la dirección que tenemos registrada, no de forma electrónica.',
  verifyFirstToChangeNotices: () =>
    'Puedo cambiar eso, pero primero necesito confirmar su identidad. Una vez confirmada, por favor dígamelo de nuevo.',
  menu: (paused) =>
    paused
      ? '¿Qué desea hacer? Puede preguntar por el saldo, por qué es esta cantidad, sus derechos, o hablar con una persona.'
      : '¿Qué desea hacer? Puede preguntar por el saldo, por qué es esta cantidad, sus derechos, opciones de pago, disputarla, o hablar con una persona.',
  paymentThroughPerson: () =>
    'Una persona de nuestro equipo puede acordar un pago o un plan con usted. Escriba "agente" cuando esté listo; no hay prisa.',
  collectionPaused: (reason) =>
    ({
      dispute: 'El cobro de esta cuenta está suspendido mientras se revisa su disputa, así que no le pediremos ningún pago. Si no quiso disputarla, o si de todos modos quiere pagar, escriba "agente" y una persona le ayudará.',
      cease: 'Usted nos pidió que dejáramos de contactarle sobre esta cuenta, así que no le pediremos ningún pago.',
      attorney: 'Como le representa un abogado, no hablaremos de pagos directamente con usted.',
      bankruptcy: 'El cobro de esta cuenta está suspendido mientras se revisa la información de la bancarrota.',
      deceased: 'El cobro de esta cuenta está suspendido mientras una persona revisa lo que nos ha contado.',
      military: 'El cobro de esta cuenta está suspendido mientras una persona revisa las protecciones para el servicio militar activo.',
      identity_theft: 'El cobro de esta cuenta está suspendido mientras se revisa su denuncia de robo de identidad.',
    })[reason],
  disputeCheck: () =>
    'Parece que usted cree que parte de esto puede no ser correcto. ¿Quiere disputarlo? Si es así, lo registro con sus propias palabras y dejamos de cobrar la parte que disputa hasta haberla verificado y haberle enviado la verificación. También puede pedir primero ver cómo se compone el saldo. Por favor, responda sí o no.',
  paidJustNow: () => 'Si se refiere a otro pago, hecho antes de hoy de otra forma, dígamelo y lo registro como una disputa.',
  disputeOffered: () =>
    '¿Quiere disputarla ahora? Si es así, la registro con sus propias palabras, y dejamos de cobrar la parte que disputa hasta haberla verificado y haberle enviado la verificación. Por favor, responda sí o no.',
  disputeNotRecorded: () =>
    'De acuerdo, no he registrado ninguna disputa. Si más adelante quiere disputar toda o parte de esta deuda, solo dígamelo con sus propias palabras.',
  disputeAdded: () =>
    'He agregado esto a su disputa, con sus propias palabras. El cobro sigue suspendido hasta haber verificado la deuda y haberle enviado la verificación, y el agente que la revise verá todo lo que escribió.',
  disputeRecorded: () =>
    'He registrado su disputa, con sus propias palabras. Dejaremos de cobrar esta deuda hasta haberla verificado y haberle enviado la verificación. Un agente de cobranza la revisará y se pondrá en contacto con usted. No necesita hacer nada más por ahora.',
  originalCreditorRecorded: () =>
    'He registrado su solicitud del nombre y la dirección del acreedor original. Suspenderemos el cobro hasta habérselos enviado. Un agente de cobranza le dará seguimiento.',
  ceaseConfirmed: () =>
    'Entendido. Hemos registrado su solicitud y dejaremos de contactarle sobre esta cuenta. Es posible que aún le enviemos los avisos que exige la ley. Si en algún momento quiere hablar con nosotros, escriba "agente".',
  ceaseNoted: () =>
    'Entendido. He anotado su solicitud de no ser contactado, y una persona la aplicará a su registro. Si en algún momento quiere hablar con nosotros, escriba "agente".',
  askAttorneyName: () => 'Gracias por decírmelo. ¿Cómo se llama su abogado?',
  askAttorneyContact: () => '¿Y el teléfono o el correo electrónico de su abogado?',
  attorneyContactConfirmed: (name, contact) => `Sí: tenemos a ${name} en el ${contact}. Una persona de nuestro equipo se comunicará con su abogado.`,
  attorneyContactChanged: (name, contact) => `Gracias. He cambiado el contacto de ${name} a ${contact}, y una persona de nuestro equipo se comunicará con su abogado.`,
  attorneyRecorded: (name) =>
    `Gracias. Hemos registrado que ${name} le representa, y nos comunicaremos con su abogado en lugar de con usted sobre esta cuenta. Una persona de nuestro equipo se pondrá en contacto con su abogado.`,
  attorneyNoted: () =>
    'Gracias. He anotado los datos de su abogado; una persona de nuestro equipo los aplicará a su registro y se comunicará con su abogado en lugar de con usted.',
  statusRecorded: (status) =>
    ({
      bankruptcy: 'Gracias por informarnos. Hemos suspendido el cobro, y una persona revisará la información de la bancarrota y le dará seguimiento.',
      deceased: 'Lamento mucho su pérdida. Lo hemos anotado y suspendido el cobro. Una persona de nuestro equipo se comunicará con usted, con todo respeto, sobre los próximos pasos.',
      military: 'Gracias por informarnos. Hemos anotado su servicio militar activo y suspendido el cobro. Una persona revisará las protecciones que le corresponden.',
      identity_theft: 'Lamento lo ocurrido. Hemos anotado su denuncia de robo de identidad y suspendido el cobro. Una persona se comunicará con usted sobre los próximos pasos.',
    })[status],
  statusNoted: () => 'Gracias por informarnos. Una persona de nuestro equipo revisará esto y se comunicará con usted.',
  hardshipBeforeVerification: () =>
    'Lamento que esté pasando por esto. Aquí no hay ninguna presión. Cuando haya confirmado su identidad, puedo contarle las opciones, o puede escribir "agente" para hablar con una persona.',
  hardship: () =>
    'Lamento que esté pasando por esto. Aquí no hay ninguna presión. El acreedor tiene opciones para dificultades económicas, con pagos más pequeños durante más tiempo. Una persona de nuestro equipo puede revisarlas con usted cuando esté listo: escriba "agente".',
  crisis: () =>
    'Siento mucho que se sienta así. Usted importa más que cualquier factura. Por favor, llame o envíe un mensaje de texto al 988, la Línea de Prevención del Suicidio y Crisis: es gratuita, confidencial y atiende las 24 horas (marque 2 para español). Si está en peligro inmediato, llame al 911. He pedido a una persona de nuestro equipo que se comunique con usted.',
  crisisAgain: () => [
    'Le escucho, y me alegra que siga hablando conmigo. No tiene que pasar por esto sin ayuda: por favor, llame o envíe un mensaje de texto al 988 ahora, a cualquier hora (marque 2 para español). Si podría hacerse daño o está en peligro, llame al 911. He vuelto a pedir que una persona de nuestro equipo se comunique con usted primero.',
    'Gracias por contármelo. Lo que siente importa más que cualquier factura. Por favor, llame o envíe un mensaje de texto al 988 para hablar con alguien ahora mismo; es gratuito y atiende de día y de noche. Si está en peligro, llame al 911. He pedido que una persona de nuestro equipo se comunique con usted con prioridad.',
  ],
  crisisSafeNow: () => [
    'Me alegra que esté a salvo. Es comprensible sentirse agotado con todo esto, y aquí no hay prisa. Pedimos a una persona de nuestro equipo que se comunique con usted, y puede llamar o enviar un mensaje de texto al 988 en cualquier momento, de día o de noche.',
    'Gracias por decirme que está a salvo. Aquí no hay ninguna presión. Una persona de nuestro equipo se comunicará con usted, y el 988 atiende a cualquier hora si las cosas se ponen más difíciles.',
  ],
  crisisPaymentLater: () =>
    'Podemos ver los pagos en otro momento: no hay nada que pagar ahora, y no le pediré ningún pago en esta conversación. Una persona de nuestro equipo se comunicará con usted y puede revisar pagos pequeños con usted. Si prefiere que le escriban en lugar de llamarle, solo dígamelo.',
  crisisFollowUp: () => [
    'Le pedimos a una persona de nuestro equipo que se comunique con usted primero, en cuanto el equipo esté trabajando. Ahora mismo, si está en peligro, llame al 911; puede llamar o enviar un mensaje de texto al 988 en cualquier momento, de día o de noche.',
    'Sigo aquí. Hemos pedido a una persona de nuestro equipo que se comunique con usted. Puede llamar o enviar un mensaje de texto al 988 en cualquier momento, y si está en peligro, llame al 911.',
  ],
  abusiveFirst: () =>
    'Entiendo que esto es frustrante, y estoy aquí para ayudarle. Mantengamos una conversación respetuosa. También puede escribir "agente" para hablar con una persona.',
  abusiveHandoff: () => 'Voy a pedir a una persona de nuestro equipo que continúe esta conversación con usted.',
  handoffQueued: (minutes, channel) =>
    channel === 'sms'
      ? `He pedido que una persona le atienda. La espera aproximada es de ${minutes} minutos; le escribirá por aquí.`
      : `He pedido que una persona le atienda. La espera aproximada es de ${minutes} minutos. Mantenga este chat abierto; sus mensajes aparecerán aquí.`,
  cardNumberRemoved: () =>
    'Por su seguridad, no escriba números de tarjeta en este chat. Lo he eliminado. Los pagos solo se aceptan en nuestra página de pago segura.',
  languageSwitched: () => 'De acuerdo, seguiré en español.',
  notUnderstood: () => 'Perdone, no le entendí. Puede escribir "agente" para hablar con una persona.',
  thanks: () => 'De nada. Aquí estoy cuando me necesite.',
  technicalProblem: (c) =>
    `Lo sentimos, algo salió mal de nuestro lado. Inténtelo de nuevo en un momento o llámenos al ${c.phone} (${collectorHours(c, 'es')}).`,
};
