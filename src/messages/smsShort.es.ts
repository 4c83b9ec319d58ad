/**
 * Spanish SMS versions (see smsShort.ts): the facts, rights and tone of the full texts in words
 * without á, í, ó or ú, so the text stays GSM-7 — "va a revisar" for "revisará", "domicilio" for
 * "dirección", "sitio de pago seguro" for "página de pago segura". A word that needs its accent is
 * never written without it; where no other word says the same (a number of "días"), the full
 * wording stays.
 */
import { collectorHours } from './catalogue.ts';
import { conversationEs } from './conversation.es.ts';
import { PAYMENT_NOUN, PAYMENTS, offer, reason as fullReason } from './negotiation.es.ts';
import type { OptionsView, PlanView, ReasonView } from './negotiation.ts';
import type { ReceiptFacts } from './payments.ts';
import { numberList } from './replies.ts';
import type { SmsShortVersions } from './smsShort.ts';

/** Family members are not liable for a relative's debts (DESIGN 17): the full text's facts, GSM-7. */
const NOT_LIABLE =
  'Sepa que los familiares no son personalmente responsables de las deudas de un ser querido, a menos que las hayan firmado como codeudores, y quien administra la herencia paga las deudas con los bienes de la herencia, no con su propio dinero. No le pediremos pago alguno.';

const CFPB = 'www.consumerfinance.gov/es/cobro-de-deudas';

const RIGHTS_KEPT = 'Su derecho a disputar la deuda o pedir los datos del acreedor original no cambia.';

/** The plan in short: every amount and date of the full summary, fewer words around them ("el final" for "el último"). */
function summary(plan: PlanView): string {
  if (plan.kind === 'full') return `un solo pago del saldo total, ${plan.total}, el ${plan.first.date}`;
  if (plan.kind === 'settlement') return `un solo pago de ${plan.total} el ${plan.first.date}, que cierra con descuento el saldo de ${plan.balance}`;
  const frequency = plan.frequency ?? 'monthly';
  const installments = `${PAYMENTS[frequency](plan.installmentCount)} de ${plan.regular}${plan.last ? ` (el final, ${plan.last.amount})` : ''}`;
  if (plan.downPayment) return `${plan.downPayment.amount} el ${plan.downPayment.date} y ${installments} desde el ${plan.installmentsStart}`;
  return `${installments} desde el ${plan.installmentsStart}`;
}

function reason(r: ReasonView): string {
  switch (r.limit) {
    case 'minInstallment':
      return `el ${PAYMENT_NOUN[r.frequency]} es de al menos ${r.value}`;
    case 'maxInstallments':
      return `un plan tiene hasta ${r.value} pagos${r.smallestPayment ? `, por eso, para este saldo, el ${PAYMENT_NOUN[r.frequency]} es de al menos ${r.smallestPayment}` : ''}`;
    case 'maxPlanDays':
      return r.smallestPayment
        ? `un plan tiene un plazo limitado, por eso, para este saldo, el ${PAYMENT_NOUN[r.frequency]} es de al menos ${r.smallestPayment}`
        : fullReason(r); // "días" has no accent-free equivalent
    case 'firstPaymentNotBefore':
      return 'el primer pago no puede ser en una fecha pasada';
    case 'settlementFloor':
      return `para cerrar esta cuenta con descuento, el acreedor acepta al menos ${r.value}`;
    case 'total':
      return `un plan de pagos suma exactamente el saldo, ${r.value}`;
    default:
      // The full catalogue's own words are already short and accent-free.
      return fullReason(r);
  }
}

function reasons(list: ReasonView[]): string {
  return list.map(reason).join('; ');
}

function options(o: OptionsView): string {
  const lines = ['Sin prisa.', `Pagar todo: ${o.full.total}.`];
  if (o.settlement) lines.push(`Descuento: un pago de ${o.settlement.total}.`);
  if (o.plan) lines.push('Plan: proponga una cantidad, como "50 al mes".');
  if (o.hardship) lines.push(`Por dificultades: desde ${o.smallestPayment} por pago, hasta ${o.maxInstallments} pagos, o una pausa con una persona.`);
  if (o.rightsOpen) lines.push(RIGHTS_KEPT);
  lines.push('Nunca se agrega nada.');
  return lines.join('\n');
}

function receipt(r: ReceiptFacts): string {
  const parts = [`Gracias: recibimos su pago de ${r.amount} el ${r.date} (ref ${r.reference}).`];
  if (r.settled) parts.push('Su cuenta queda liquidada y no debe nada.');
  else if (r.balanceIsZero) parts.push(`Saldo: ${r.balance}. Cuenta pagada por completo.`);
  else parts.push(`Saldo: ${r.balance}.`);
  if (r.next && !r.planCompleted) parts.push(`Siguiente pago: ${r.next.amount} el ${r.next.date}.`);
  else if (r.planCompleted && !r.settled) parts.push('Su plan de pagos ha terminado.');
  return parts.join(' ');
}

export const smsShortEs: SmsShortVersions = {
  main: {
    itemization: (a) =>
      `Detalle del saldo: el ${a.itemizationDate} era ${a.itemizationAmount}. Desde entonces: intereses ${a.interest}, cargos ${a.fees}, pagos ${a.payments}, abonos ${a.credits}. Hoy: ${a.current}. Si algo no le parece correcto, puede disputar toda la deuda o una parte.`,
    menu: () => 'Escoja lo que desea hacer:',
    collectionPaused: (reason) =>
      ({
        dispute: 'Suspendimos el cobro de esta cuenta mientras revisamos su disputa: no le pediremos pagos. Si no quiso disputarla o quiere pagar igual, escriba "agente".',
        cease: 'Tenemos su solicitud de no contactarle sobre esta cuenta, por eso no le pediremos pagos.',
        attorney: 'Como le representa un abogado, no hablaremos de pagos directamente con usted.',
        bankruptcy: 'Suspendimos el cobro de esta cuenta mientras revisamos los datos de la bancarrota.',
        deceased: 'Suspendimos el cobro de esta cuenta mientras una persona revisa lo que nos dijo.',
        military: 'Suspendimos el cobro de esta cuenta mientras una persona revisa las protecciones para militares en servicio activo.',
        identity_theft: 'Suspendimos el cobro de esta cuenta mientras revisamos su denuncia de robo de identidad.',
      })[reason],
    rightsSummary: (a) =>
      `Sus derechos: hasta el ${a.validationEnds} puede disputar toda esta deuda o una parte, o pedir el nombre y el domicilio del acreedor original. Si lo hace, suspenderemos el cobro de la parte disputada hasta enviarle el comprobante. Basta con decirlo. Vea: ${CFPB}`,
    askDobFirst: () =>
      'Antes de hablar de cualquier cuenta, necesito confirmar su identidad. Por favor, escriba su fecha de nacimiento, por ejemplo: 12 de abril de 1985.',
    verifyExhausted: (c) =>
      `Lo siento, no pude confirmar su identidad. Por su seguridad, vuelva a intentarlo en otro momento, o escriba "agente" para hablar con una persona. También puede llamarnos al ${c.phone} (${collectorHours(c, 'es')}).`,
    esignAccepted: (link) => `Gracias. Este es el aviso que explica su deuda y sus derechos, para guardar o imprimir: ${link}`,
    esignDeclined: () => 'De acuerdo. Le enviaremos por correo el aviso que explica su deuda y sus derechos, al domicilio que tenemos registrado.',
    noticeLink: (link) => `El aviso que explica su deuda y sus derechos, para guardar o imprimir: ${link}`,
    askEsign: () =>
      'Podemos darle en formato digital el aviso que explica su deuda y sus derechos, como un documento que puede guardar o imprimir. ¿Acepta recibir avisos sobre esta cuenta en formato digital? Puede retirar su consentimiento cuando quiera o pedir copias en papel.',
    esignWithdrawn: () =>
      'Listo. Hemos registrado el retiro de su consentimiento a los avisos digitales. Desde ahora le enviaremos por correo postal los avisos sobre esta cuenta, y una copia en papel del aviso que explica su deuda y sus derechos, al domicilio que tenemos registrado.',
    paidJustNow: () => 'Si se refiere a otro pago, hecho antes de hoy de otra forma, digamelo y lo registro como una disputa.',
    attorneyContactChanged: (name, contact) => `Gracias. He cambiado el contacto de ${name} a ${contact}, y una persona de nuestro equipo se comunicara con su abogado.`,
    disputeOffered: () => '¿Quiere disputarla ahora? Si es asi, la registro con sus palabras y dejamos de cobrar la parte disputada hasta enviarle la verificacion. Responda si o no.',
    verifyFailedBySms: () =>
      'No pude confirmar esos datos. Intentemoslo de nuevo. Si escribe desde un numero que quiza no tengamos, envie su numero de cuenta con su fecha de nacimiento y codigo postal.',
    disputeCheck: () =>
      '¿Quiere disputar esto? Si quiere, lo registro con sus palabras y dejamos de cobrar la parte que disputa hasta verificarla y mandarle el comprobante. También puede pedir primero el detalle del saldo.',
    disputeNotRecorded: () => 'De acuerdo, no registré ninguna disputa. Si luego quiere disputar toda o parte de esta deuda, solo tiene que decirlo.',
    disputeAdded: () =>
      'He agregado esto a su disputa, con sus propias palabras. El cobro sigue suspendido hasta verificar la deuda y mandarle el comprobante.',
    disputeRecorded: () =>
      'He registrado su disputa, con sus propias palabras. Dejaremos de cobrar esta deuda hasta haberla verificado y haberle enviado el comprobante. Un agente de cobranza va a revisarla y se va a comunicar con usted. Por ahora no tiene que hacer nada.',
    originalCreditorRecorded: () =>
      'He registrado su solicitud del nombre y el domicilio del acreedor original. Suspenderemos el cobro hasta habérselos enviado. Un agente de cobranza le va a dar seguimiento.',
    ceaseConfirmed: () =>
      'Entendido. Hemos registrado su solicitud y dejaremos de contactarle sobre esta cuenta. Puede que le sigamos enviando los avisos que exige la ley. Si quiere volver a hablar con nosotros, escriba "agente".',
    ceaseNoted: () =>
      'Entendido. He anotado su solicitud de no ser contactado, y una persona la va a aplicar a su registro. Si quiere volver a hablar con nosotros, escriba "agente".',
    attorneyRecorded: (name) =>
      `Gracias. Hemos registrado que ${name} le representa, y sobre esta cuenta nos comunicaremos con su abogado en lugar de con usted. Una persona de nuestro equipo se va a comunicar con su abogado.`,
    attorneyNoted: () =>
      'Gracias. He anotado los datos de su abogado. Una persona de nuestro equipo va a aplicarlos a su registro y a comunicarse con su abogado en lugar de con usted.',
    statusRecorded: (status) =>
      ({
        bankruptcy: 'Gracias por informarnos. Hemos suspendido el cobro, y una persona va a revisar los datos de la bancarrota y a darle seguimiento.',
        deceased: 'Lamento mucho su pérdida. Lo hemos anotado y suspendido el cobro. Una persona de nuestro equipo se va a comunicar con usted, con todo respeto, sobre los siguientes pasos.',
        military: 'Gracias por informarnos. Hemos anotado su servicio militar activo y suspendido el cobro. Una persona va a revisar las protecciones que le corresponden.',
        identity_theft: 'Lamento lo ocurrido. Hemos anotado su denuncia de robo de identidad y suspendido el cobro. Una persona se va a comunicar con usted sobre los siguientes pasos.',
      })[status],
    hardshipBeforeVerification: () =>
      'Lamento que esté pasando por esto. Nadie le va a presionar. Cuando haya confirmado su identidad, puedo contarle las opciones, o puede escribir "agente" para hablar con una persona.',
    hardship: () =>
      'Lamento que esté pasando por esto. Nadie le va a presionar. El acreedor tiene opciones para quien pasa por dificultades, con pagos menores durante un plazo mayor. Una persona de nuestro equipo puede revisarlas con usted cuando esté listo: escriba "agente".',
    abusiveFirst: () =>
      'Entiendo que esto es frustrante, y quiero ayudarle. Hablemos con respeto, por favor. También puede escribir "agente" para hablar con una persona.',
    crisisSafeNow: () => [
      'Me alegra saber que no corre peligro. Es normal sentirse agotado con todo esto, y no hay prisa. Una persona del equipo le va a contactar, y puede llamar o mandar un texto al 988 a cualquier hora.',
      'Gracias por decirme que no corre peligro. Nadie le va a presionar. Una persona del equipo le va a contactar, y el 988 le atiende las 24 horas si lo necesita.',
    ],
    crisisPaymentLater: () =>
      'Podemos ver los pagos en otro momento: no hay nada que pagar ahora y no le pedire pagos en esta conversacion. Una persona de nuestro equipo le contactara. Si prefiere mensajes en vez de llamadas, digamelo.',
    crisisFollowUp: () => [
      'Una persona del equipo le va a contactar primero, en horario de trabajo. Ahora, si corre peligro, llame al 911. Puede llamar o mandar un texto al 988 las 24 horas.',
      'Sigo con usted. Pedimos que una persona de nuestro equipo le contacte. Puede llamar o mandar un texto al 988 a cualquier hora; si corre peligro, llame al 911.',
    ],
    cardNumberRemoved: () =>
      'Por su seguridad, no escriba datos de tarjeta en este chat: los he borrado. Solo aceptamos pagos en nuestro sitio de pago seguro.',
  },

  conversation: {
    onlyAccount: () => 'Esta es la unica cuenta que tenemos a su nombre con estos datos. Si tiene una carta sobre otra, envieme el numero de cuenta que aparece en ella.',
    stuck: (verified) =>
      verified
        ? [
            'Lo siento, no le estoy entendiendo. Puedo decirle el saldo y su detalle, explicarle sus derechos, revisar opciones de pago o registrar una disputa. O escriba "agente" para hablar con una persona.',
            'Perdone, sigo sin entenderle. Puede elegir: el saldo, su detalle, sus derechos, opciones de pago o una disputa. O escriba "agente" para hablar con una persona.',
          ]
        : [
            'Lo siento, no le estoy entendiendo. Para revisar su cuenta, mande su cuenta (como A-1234) o su nombre completo. Puede preguntar por nosotros, o escribir "agente".',
            'Perdone, sigo sin entenderle. Primero necesito su nombre completo o la referencia de cuenta de nuestra carta. Puede preguntar por nosotros, o escribir "agente".',
          ],
    menuAgain: (paused) =>
      paused
        ? '¿Le puedo ayudar con otra cosa? Por ejemplo el saldo, su detalle, sus derechos, o una persona ("agente").'
        : '¿Le puedo ayudar con otra cosa? Por ejemplo el saldo, su detalle, sus derechos, opciones de pago, una disputa, o una persona ("agente").',
    askEsignLater: (consent) => `Otra cosa, sobre sus avisos. ${consent}`,
    askEsignUnclear: () => [
      '¿Acepta recibir sus avisos en formato digital? Si no, se los enviaremos por correo postal.',
      '¿Prefiere recibir los avisos en formato digital? Si no, le llegan por correo postal.',
    ],
    notWaiting: (minutes, backAt) =>
      backAt
        ? `Ahora no espera a una persona. El equipo vuelve ${backAt}; si quiere hablar con alguien, escriba "agente" y queda en fila.`
        : `Ahora no espera a una persona. Si la pide, la espera es de unos ${minutes} minutos: escriba "agente".`,
    handoffQueuedClosed: (backAt) =>
      `He pedido que una persona le atienda. En este momento nuestro equipo no trabaja; vuelve ${backAt} y entonces le va a escribir por mensaje de texto.`,
    handoffStays: () =>
      'Una persona tiene que revisar lo que nos ha contado, por eso sigue con nuestro equipo. Mientras tanto, le puedo seguir ayudando.',
    ceaseReminder: () => [
      'Usted nos ha pedido que dejemos de contactarle, por eso no le he escrito desde entonces. Si al final quiere hablar de una cuenta, puedo retirar esa solicitud. ¿Quiere retirar su solicitud de no ser contactado?',
      'Para hablar de una cuenta, confirme por favor que quiere retirar su solicitud de no ser contactado.',
    ],
    attorneyRecordedNoName: () =>
      'Gracias. Hemos registrado que le representa un abogado, y no hablaremos de pagos directamente con usted. Una persona de nuestro equipo se va a comunicar para obtener los datos de su abogado.',
    attorneyRecordedNoContact: (name) =>
      `Gracias. Hemos registrado que ${name} le representa, y no hablaremos de pagos directamente con usted. Una persona de nuestro equipo va a buscar los datos de contacto de su abogado y a comunicarse con él o ella.`,
    deathCondolence: () => `Lamento mucho su pérdida. ${NOT_LIABLE}`,
    familyNotLiable: () => NOT_LIABLE,
    askDeathDetails: (missing) =>
      missing.identifier && missing.estate
        ? [
            'Si lo desea, puedo comunicarlo para que se detenga el cobro. ¿Me puede dar la cuenta que aparece en la carta, o el nombre completo de su familiar? ¿Y quién se encarga de la herencia, con un teléfono o email? Si prefiere no hacerlo, no hay problema.',
            'La cuenta que aparece en la carta o el nombre y apellido de su familiar, y un nombre con teléfono o email de quien se encarga de la herencia, por favor. Si prefiere no hacerlo, no hay problema.',
          ]
        : conversationEs.askDeathDetails(missing),
    deathRecorded: () =>
      'Gracias. Lo he comunicado a nuestro equipo, con la solicitud de detener el cobro mientras una persona lo revisa. Se van a comunicar con quien se encarga de la herencia. No necesita hacer nada, y no le pediremos pago alguno.',
    afterDeathReport: () => [
      'No hay nada que usted deba pagar ni hacer. Una persona de nuestro equipo va a dar seguimiento sobre la herencia. Si quiere hablar con ella, escriba "agente".',
      'Una persona de nuestro equipo se va a comunicar sobre esto; usted no necesita hacer nada. Escriba "agente" si quiere hablar con ella antes.',
    ],
    chooseAccount: (accounts) => {
      const list = accounts.map((a, i) => `${i + 1}. ${a.maskedAccountNumber} con ${a.creditor}: ${a.current}`).join('\n');
      const short = accounts.map((a, i) => `${i + 1} para ${a.maskedAccountNumber}`).join(', ');
      return [`Tiene ${accounts.length} cuentas con nosotros. ¿De qué cuenta quiere hablar?\n${list}\nResponda ${numberList(accounts.length, 'o')}.`, `Por favor, elija la cuenta: ${short}.`];
    },
  },

  negotiation: {
    lowestSettlement: (amount) =>
      `Si: ${amount} es lo minimo que el acreedor acepta para liquidar esta cuenta. Si no puede pagar eso, digame cuanto puede y puedo enviar su propuesta a un agente para que la revise.`,
    lowestPlan: (regular) =>
      `Si: ${regular} por pago es el pago mas bajo que el acreedor acepta en un plan para esta cuenta. Si no puede pagar eso, digame cuanto puede y puedo enviar su propuesta a un agente para que la revise.`,
    options,
    suggestion: (plan) => {
      if (plan.kind === 'settlement') {
        return `El acreedor acepta un solo pago de ${plan.total} el ${plan.first.date} para cerrar la cuenta con descuento (el saldo es de ${plan.balance}). ¿Le sirve? Si acepta, le muestro todos los términos; si no, puede proponerme otra cantidad u otra fecha.`;
      }
      if (plan.kind === 'full') return `Puedo establecer ${summary(plan)}. ¿Le sirve? Si acepta, le muestro todos los términos.`;
      return `Este es un plan que puedo establecer: ${summary(plan)}. ¿Le sirve? Si acepta, le muestro todos los términos; si no, puede proponerme otra cantidad, como "50 al mes".`;
    },
    counterAgain: (plan) => `Tampoco puedo hacer eso. Lo mas cercano sigue siendo: ${summary(plan)}. ¿Le muestro los terminos?`,
    counter: (list, plan) =>
      `No puedo hacerlo tal cual: ${reasons(list)}. Puedo ofrecerle algo similar: ${summary(plan)}. ¿Le muestro los términos? O proponga otra cosa.`,
    // The closest plan comes with the answer no (reviewDeclined): here, why, and a person's review.
    review: (list, _plan, o) =>
      `No puedo aceptar ${offer(o)} por mi cuenta: ${reasons(list)}. ¿Mando su propuesta a un agente? Si no, le muestro la alternativa.`,
    settlementOnePayment: (plan, latest) =>
      `Un acuerdo con descuento es un solo pago: ${plan.total}, en cualquier fecha hasta el ${latest}. ¿Es mucho de una vez? Puedo hacer un plan por el saldo de ${plan.balance} (por ejemplo "300 al mes"), o escriba "agente". ¿Le muestro los términos del pago? O escriba la fecha.`,
    sameTerms: () =>
      'Entiendo las mismas condiciones que le acabo de mostrar, sin cambios. Para aceptarlas, responda si. Si hay un error, escriba el cambio con otras palabras, o "agente" para hablar con una persona.',
    reviewDeclined: (plan) =>
      `De acuerdo. Puedo ofrecerle algo similar: ${summary(plan)}. ¿Quiere ver todos los términos? Si no, puede proponerme otra cosa.`,
    agreed: (plan, link) =>
      `Gracias. Su ${plan.kind === 'installments' ? 'plan de pagos queda acordado' : plan.kind === 'settlement' ? 'acuerdo con descuento queda acordado' : 'pago queda acordado'} y registrado; no se ha cobrado nada. Primer pago: ${plan.first.amount} el ${plan.first.date}. Ingrese su tarjeta solo en nuestro sitio seguro: ${link}\nPara cancelar o cambiar, escriba "cancelar plan" o "agente".`,
    existingPlan: (plan, link) =>
      `Ya tiene un acuerdo: ${summary(plan)}. Para cambiarlo: "cancelar plan" y su propuesta, o "agente".${link ? ` Primer pago: ${link}` : ''}`,
    planCancelled: () =>
      'Su plan queda cancelado y ya no se le va a cobrar nada por él. Los pagos ya hechos siguen acreditados a su cuenta. Si quiere acordar otra cosa, solo tiene que pedirlo.',
    notUnderstood: () =>
      'Perdone, no lo he entendido como forma de pago. Puede decir "pagar todo", "descuento", o proponerme una cantidad, como "50 al mes". También puede escribir "agente" para hablar con una persona.',
    recapDiffers: (asked, total) => `Tenga en cuenta que estas condiciones son por ${total}, no por los ${asked} que me dijo, porque ${total} es el saldo completo.`,
    again: (step) =>
      ({
        choose: [
          'Puede decir "pagar todo", "liquidar", o proponerme una cantidad, por ejemplo "50 al mes". También puede escribir "agente" para hablar con una persona.',
          '¿Qué prefiere: pagar todo, liquidar la deuda, o un plan? Para un plan, escriba una cantidad, por ejemplo "50 al mes".',
        ],
        proposed: [
          '¿Le sirve? Si acepta, le muestro todos los términos; si no, puede proponerme otra cosa, por ejemplo "50 al mes".',
          '¿Le muestro todos los términos? Si no, puede proponerme lo que mejor le venga.',
        ],
        confirm: [
          '¿Acepta estos términos? Si prefiere otra cosa, puede proponerla.',
          'Por ahora no hay nada acordado. ¿Acepta los términos de arriba? Si no los quiere, conteste que no o proponga un cambio.',
        ],
        review: [
          '¿Quiere que le mande su propuesta a un agente de cobranza para que la revise?',
          '¿Le mando su propuesta a un agente para que la revise?',
        ],
        person: [
          '¿Quiere que una persona de nuestro equipo se comunique con usted?',
          '¿Le pido a una persona de nuestro equipo que hable con usted sobre esto?',
        ],
      })[step],
  },

  payments: {
    receipt,
    reminder: (r) =>
      `Recordatorio: su pago programado de ${r.amount} se va a cobrar el ${r.date} a su tarjeta guardada. No tiene que hacer nada. Para cambiar su plan o hablarlo, responda a este mensaje o escriba "agente".`,
    paymentFailed: (r) => {
      const lead = {
        authentication_required: `Su banco pide confirmar primero su pago de ${r.amount} del ${r.date}.`,
        declined: `No pudimos cobrar su pago de ${r.amount} del ${r.date}.`,
        retries_exhausted: `Fallaron los intentos de cobrar su pago de ${r.amount} del ${r.date}.`,
        bank_payment_failed: `No pudimos cobrar su pago bancario de ${r.amount}.`,
      }[r.reason];
      const how =
        r.reason === 'bank_payment_failed'
          ? `Pague en el sitio seguro, con el mismo medio u otro: ${r.link}`
          : `Pague en el sitio seguro; la tarjeta que use queda para los siguientes: ${r.link}`;
      return `${lead} ${how}`;
    },
    duplicateRefunded: (r) =>
      `Recibimos dos pagos de ${r.amount} por lo mismo, por eso le devolvimos el segundo a la tarjeta o cuenta de donde vino. Los reembolsos suelen aparecer en un plazo de una a dos semanas.`,
  },

  officer: {
    proposalRejected: () =>
      'Un agente de cobranza ha revisado su propuesta y no puede aceptarla. No se ha acordado ni cobrado nada. Cuando quiera, puede pedirme de nuevo sus opciones de pago, o escribir "agente" para hablar con una persona.',
    offerWithdrawn: () =>
      'Algo ha cambiado en su cuenta desde que el agente le ha enviado esos términos (el saldo o las fechas de pago), por eso ya no se pueden establecer tal como estaban. No se ha acordado ni cobrado nada. Puede pedirme de nuevo sus opciones de pago, o escribir "agente" para hablar con una persona.',
  },

  checkIn: {
    ask: () => 'Siento mucho que las cosas se sientan tan pesadas ahora. Antes que nada, quiero preguntarle por usted: ¿se encuentra a salvo en este momento?',
    safe: () =>
      'Gracias por contarme. No hay prisa, y nadie le va a presionar. Si alguna vez todo se siente demasiado, puede llamar o mandar un mensaje al 988 (también en español) las 24 horas. Cuando esté listo, podemos seguir donde lo dejamos, o escriba "agente" para hablar con una persona.',
  },

  record: {
    offer: (link) => `Puede guardar un registro de su cuenta con nosotros (lo que ha acordado, recibos, solicitudes y estos mensajes) en este sitio, para guardar o imprimir: ${link}`,
  },
};
