import type { ConversationCatalogue, VerifyFact } from './conversation.ts';

const FACT: Record<VerifyFact, string> = {
  accountNumber: 'su número de cuenta',
  name: 'su nombre',
  dob: 'su fecha de nacimiento',
  zip: 'su código postal',
  ssnLast4: 'los últimos 4 dígitos de su número de Seguro Social',
};

const NOT_LIABLE =
  'Sepa que los familiares no son personalmente responsables de las deudas de un ser querido, a menos que las hayan firmado como codeudores, y quien administra la herencia paga las deudas con los bienes de la herencia, no con su propio dinero. No le pediremos ningún pago.';

function yList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} y ${items[items.length - 1]}`;
}

export const conversationEs: ConversationCatalogue = {
  verifyAck: (facts) => `Gracias, ya tengo ${yList(facts.map((f) => FACT[f]))}.`,
  verifyQuestion: (question) =>
    ({
      identifier: [
        'Por favor, escriba su número de cuenta o su nombre completo.',
        'Por favor, envíe el número de cuenta que aparece en nuestra carta o correo, o su nombre y apellido.',
        'Su número de cuenta (empieza con una letra, como A-1234) o su nombre y apellido, por favor.',
      ],
      dob: [
        '¿Cuál es su fecha de nacimiento? (por ejemplo, 12 de abril de 1985)',
        'Por favor, escriba su fecha de nacimiento así: 12 de abril de 1985.',
        'Su fecha de nacimiento, por favor: el día, el mes y el año, por ejemplo 12 de abril de 1985.',
      ],
      factor: [
        '¿Y su código postal (ZIP), o los últimos 4 dígitos de su número de Seguro Social?',
        'Por favor, envíe su código postal de 5 dígitos, o los últimos 4 dígitos de su número de Seguro Social.',
        'El código postal de su dirección, o los últimos 4 dígitos de su número de Seguro Social, por favor.',
      ],
    })[question],
  verifyWithoutLetter: () => [
    'No pasa nada, no necesita la carta. Basta con su nombre y apellido.',
    'No se preocupe, la carta no hace falta: escriba su nombre y apellido, por favor.',
  ],
  confirmDob: (date) => [`¿Quiso decir el ${date}? Por favor, responda sí o no.`, `Solo para estar seguro: ¿su fecha de nacimiento es el ${date}? ¿Sí o no?`],
  onlyAccount: () => 'Esta es la única cuenta que tenemos a su nombre con estos datos. Si tiene una carta sobre otra, envíeme el número de cuenta que aparece en ella.',
  answerAfterVerification: () =>
    'Puedo responderle en cuanto haya confirmado su identidad, porque depende de su cuenta. Vuelvo a ello justo después.',
  notUnderstood: () => ['Perdone, no le entendí.', 'Disculpe, no entendí eso.'],
  stuck: (verified) =>
    verified
      ? [
          'Lo siento, no le estoy entendiendo. Esto es lo que puedo hacer: decirle el saldo y cómo se compone, explicarle sus derechos, revisar opciones de pago o registrar una disputa. O una persona puede ayudarle: solo escriba "agente".',
          'Perdone, sigo sin entenderle. Puede escoger una de estas opciones: el saldo, su detalle, sus derechos, opciones de pago o una disputa. Una persona de nuestro equipo también puede ayudarle: escriba "agente".',
        ]
      : [
          'Lo siento, no le estoy entendiendo. Esto es lo que puedo hacer: confirmar su identidad para revisar su cuenta (envíe su número de cuenta o su nombre completo), o decirle quiénes somos y cómo comprobarlo. O una persona puede ayudarle: solo escriba "agente".',
          'Perdone, sigo sin entenderle. Para revisar una cuenta, primero necesito su nombre completo o la referencia de la cuenta que aparece en nuestra carta. También puede preguntar quiénes somos, o hablar con una persona: escriba "agente".',
        ],
  menuAgain: (paused) =>
    paused
      ? '¿Hay algo más en lo que pueda ayudarle? Por ejemplo el saldo, cómo se compone, sus derechos, o una persona ("agente").'
      : '¿Hay algo más en lo que pueda ayudarle? Por ejemplo el saldo, cómo se compone, sus derechos, opciones de pago, una disputa, o una persona ("agente").',
  askEsignLater: (consent) => `Una cosa más, sobre sus avisos. ${consent}`,
  askEsignUnclear: () => [
    'Por favor, responda sí para recibir los avisos de forma electrónica, o no para recibirlos por correo.',
    '¿Quiere recibir sus avisos de forma electrónica (sí) o por correo (no)?',
  ],
  goalResumed: () => 'Ahora, sobre lo que me preguntó:',
  asISaid: (answer) => `Como le decía: ${answer}`,

  handoffQueuedClosed: (backAt, channel) =>
    channel === 'sms'
      ? `He pedido que una persona le atienda. Nuestro equipo no está trabajando en este momento; vuelve ${backAt} y le escribirá por aquí entonces.`
      : `He pedido que una persona le atienda. Nuestro equipo no está trabajando en este momento; vuelve ${backAt}, y sus mensajes aparecerán en este chat. Mientras tanto puedo seguir ayudándole.`,
  waitTime: (minutes, ahead) =>
    ahead === 0
      ? `Usted es el siguiente en la fila para hablar con una persona. La espera es de unos ${minutes} minutos.`
      : `Hay ${ahead === 1 ? '1 persona' : `${ahead} personas`} antes que usted. La espera es de unos ${minutes} minutos.`,
  waitTimeClosed: (backAt) => `Nuestro equipo no está trabajando en este momento. Vuelve ${backAt}, y su solicitud está en la fila.`,
  notWaiting: (minutes, backAt) =>
    backAt
      ? `Ahora mismo no está esperando a una persona. Nuestro equipo vuelve ${backAt}; si quiere hablar con alguien, escriba "agente" y su solicitud quedará en fila.`
      : `Ahora mismo no está esperando a una persona. Si la pide ahora, la espera es de unos ${minutes} minutos: solo escriba "agente".`,
  handoffWithdrawn: () => 'De acuerdo, he cancelado su solicitud de hablar con una persona. Aquí estoy para ayudarle.',
  handoffStays: () => 'Una persona todavía tiene que revisar lo que nos contó, así que eso sigue con nuestro equipo. Mientras tanto puedo seguir ayudándole aquí.',
  handoffTaken: () => 'Una persona de nuestro equipo ya tiene su conversación y le responderá por aquí.',

  ceaseReminder: () => [
    'Usted nos pidió que dejáramos de contactarle, así que no he dicho nada desde entonces. Si quiere hablar de una cuenta después de todo, puedo retirar esa solicitud. ¿Quiere retirar su solicitud de no ser contactado? Por favor, responda sí o no.',
    'Para hablar de una cuenta, confirme por favor que quiere retirar su solicitud de no ser contactado: ¿sí o no?',
  ],
  ceaseWithdrawn: () => 'Gracias. He retirado su solicitud de no ser contactado, así que podemos hablar.',
  ceaseKept: () => 'Entendido. Su solicitud sigue vigente y no le contactaremos. Si en algún momento quiere hablar con una persona, escriba "agente".',

  askAttorneyNameAgain: () => 'Por favor, dígame el nombre de su abogado, por ejemplo Ana Pérez.',
  confirmAttorneyName: (name) => [`¿${name} es su abogado? Por favor, responda sí o no.`, `Para estar seguros: ¿${name} es el abogado que le representa? ¿Sí o no?`],
  askAttorneyContactAgain: () =>
    'Necesito una forma de comunicarme con su abogado: un teléfono o un correo electrónico. Si no lo tiene ahora, dígamelo.',
  attorneyRecordedNoName: () =>
    'Gracias. Hemos registrado que le representa un abogado, y no hablaremos de pagos directamente con usted. Una persona de nuestro equipo se comunicará para obtener los datos de su abogado.',
  attorneyRecordedNoContact: (name) =>
    `Gracias. Hemos registrado que ${name} le representa, y no hablaremos de pagos directamente con usted. Una persona de nuestro equipo buscará los datos de contacto de su abogado y se comunicará con él o ella.`,

  deathCondolence: () => `Lamento mucho su pérdida. ${NOT_LIABLE}`,
  familyNotLiable: () => NOT_LIABLE,
  askDeathDetails: ({ identifier, estate }) =>
    identifier && estate
      ? [
          'Si lo desea, puedo comunicarlo para que se detenga el cobro. ¿Podría darme el número de cuenta que aparece en la carta, o el nombre completo de su familiar? ¿Y quién se encarga de la herencia, con un teléfono o correo electrónico? Si prefiere no hacerlo, no hay problema.',
          'El número de cuenta de la carta o el nombre y apellido de su familiar, y un nombre con teléfono o correo de quien se encarga de la herencia, por favor. Si prefiere no hacerlo, no hay problema.',
        ]
      : identifier
        ? ['¿Podría darme el número de cuenta que aparece en la carta, o el nombre completo de su familiar?', 'El número de cuenta de la carta, o el nombre y apellido de su familiar, por favor.']
        : [
            '¿Y quién se encarga de la herencia, con un teléfono o correo electrónico? Si todavía nadie, dígamelo.',
            'Un nombre con teléfono o correo de quien se encarga de la herencia, por favor, o dígame si no lo sabe.',
          ],
  deathDetailsNoted: () => 'Gracias, lo he anotado.',
  deathNothingToPay: () =>
    'No. No hay nada que usted deba pagar: a menos que haya firmado como codeudor, la deuda de un familiar no es suya, y las deudas se pagan con los bienes de la herencia, no con el dinero propio de la familia.',
  deathRecorded: () =>
    'Gracias. Lo he comunicado a nuestro equipo, con la solicitud de detener el cobro mientras una persona lo revisa. Se comunicarán con quien se encarga de la herencia. No necesita hacer nada más, y no le pediremos ningún pago.',
  deathDetailsAdded: () => 'Gracias. También lo he comunicado, para que nuestro equipo pueda comunicarse con la herencia. No necesita hacer nada más.',
  afterDeathReport: () => [
    'No hay nada que usted deba pagar ni hacer aquí. Una persona de nuestro equipo dará seguimiento sobre la herencia. Si quiere hablar con ella, escriba "agente".',
    'Una persona de nuestro equipo se comunicará sobre esto; usted no necesita hacer nada. Escriba "agente" si quiere hablar con ella antes.',
  ],

  deathGoodbye: () => [
    'De nada. No hay nada que usted deba pagar ni hacer. Le acompaño en su dolor; cuídese mucho.',
    'Cuídese. Si alguna vez nos necesita, puede escribir aquí, o escribir "agente" para hablar con una persona.',
  ],

  chooseAccount: (accounts) => {
    const list = accounts.map((a, i) => `${i + 1}. ${a.maskedAccountNumber} con ${a.creditor}: ${a.current}`).join('\n');
    const short = accounts.map((a, i) => `${i + 1} para ${a.maskedAccountNumber}`).join(', ');
    return [`Tiene ${accounts.length} cuentas con nosotros. ¿De cuál quiere hablar?\n${list}\nResponda con su número.`, `Por favor, responda con el número de la cuenta: ${short}.`];
  },
};
