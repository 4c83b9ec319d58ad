import type { Frequency } from '../domain/policy.ts';
import type { NegotiationCatalogue, OfferView, PlanView, ReasonView } from './negotiation.ts';

export const PAYMENT_NOUN: Record<Frequency, string> = {
  weekly: 'pago semanal',
  biweekly: 'pago cada dos semanas',
  monthly: 'pago mensual',
};
export const PAYMENTS: Record<Frequency, (n: number) => string> = {
  weekly: (n) => (n === 1 ? '1 pago semanal' : `${n} pagos semanales`),
  biweekly: (n) => (n === 1 ? '1 pago cada dos semanas' : `${n} pagos cada dos semanas`),
  monthly: (n) => (n === 1 ? '1 pago mensual' : `${n} pagos mensuales`),
};
const ONE_EVERY: Record<Frequency, string> = { weekly: 'uno por semana', biweekly: 'uno cada dos semanas', monthly: 'uno al mes' };
const PER: Record<Frequency, string> = { weekly: 'a la semana', biweekly: 'cada dos semanas', monthly: 'al mes' };
export const FREQUENCY_WORD: Record<Frequency, string> = { weekly: 'semanales', biweekly: 'cada dos semanas', monthly: 'mensuales' };

export function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} o ${items[items.length - 1]}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function summary(plan: PlanView): string {
  if (plan.kind === 'full') return `un solo pago del saldo total, ${plan.total}, el ${plan.first.date}`;
  if (plan.kind === 'settlement') return `un solo pago de ${plan.total} el ${plan.first.date}, que cierra con descuento el saldo de ${plan.balance}`;
  const frequency = plan.frequency ?? 'monthly';
  const installments = `${PAYMENTS[frequency](plan.installmentCount)} de ${plan.regular}${plan.last ? ` (el último de ${plan.last.amount})` : ''}`;
  if (plan.downPayment) return `un primer pago de ${plan.downPayment.amount} el ${plan.downPayment.date}, y luego ${installments} a partir del ${plan.installmentsStart}`;
  return `${installments}, a partir del ${plan.installmentsStart}`;
}

export function reason(r: ReasonView): string {
  switch (r.limit) {
    case 'minInstallment':
      return `el ${PAYMENT_NOUN[r.frequency]} más pequeño que podemos establecer es de ${r.value}`;
    case 'maxInstallments':
      return `un plan puede tener como máximo ${r.value} pagos${r.smallestPayment ? `, así que el ${PAYMENT_NOUN[r.frequency]} más pequeño que podemos establecer para este saldo es de ${r.smallestPayment}` : ''}`;
    case 'maxPlanDays':
      return `un plan puede durar como máximo ${r.value} días desde el primer pago hasta el último${r.smallestPayment ? `, así que el ${PAYMENT_NOUN[r.frequency]} más pequeño que podemos establecer para este saldo es de ${r.smallestPayment}` : ''}`;
    case 'minDownPayment':
      return `un plan empieza con un primer pago de al menos ${r.value}`;
    case 'frequency':
      return `los pagos pueden ser ${orList(r.value.map((f) => FREQUENCY_WORD[f]))}`;
    case 'firstPaymentWithinDays':
      return `el primer pago puede ser en cualquier fecha hasta el ${r.latest}`;
    case 'firstPaymentNotBefore':
      return 'el primer pago no puede ser en una fecha que ya pasó';
    case 'installmentsStartWithin':
      return `después del primer pago, los pagos regulares pueden empezar en cualquier fecha hasta el ${r.latest}`;
    case 'settlementNotAllowed':
      return 'este acreedor no acepta menos del saldo total, pero puede pagarlo poco a poco';
    case 'settlementFloor':
      return `la cantidad más baja que el acreedor acepta para cerrar esta cuenta con descuento es ${r.value}`;
    case 'total':
      return `un plan de pagos suma exactamente el saldo, ${r.value}, ni más ni menos`;
  }
}

function reasons(list: ReasonView[]): string {
  return `${capitalize(list.map(reason).join('; '))}.`;
}

export function offer(o: OfferView): string {
  if (o.kind === 'full') return `pagar el saldo total${o.firstDate ? ` el ${o.firstDate}` : ''}`;
  if (o.kind === 'settlement') return `un solo pago${o.amount ? ` de ${o.amount}` : ''} para cerrar la cuenta con descuento${o.firstDate ? ` el ${o.firstDate}` : ''}`;
  const parts: string[] = [];
  if (o.downPayment) parts.push(`un primer pago de ${o.downPayment}, y luego`);
  if (o.amount) parts.push(`${o.amount} ${PER[o.frequency ?? 'monthly']}`);
  else if (o.count !== undefined) parts.push(PAYMENTS[o.frequency ?? 'monthly'](o.count));
  else parts.push('un plan de pagos');
  if (o.amount && o.count !== undefined) parts.push(`durante ${o.count} pagos`);
  if (o.installmentsFrom) parts.push(`desde el ${o.installmentsFrom}`);
  else if (o.firstDate) parts.push(`a partir del ${o.firstDate}`);
  return parts.join(' ');
}

function paymentLines(plan: PlanView): string[] {
  const lines = plan.lines.map((l, i) => `• ${l.amount} el ${l.date}${i === 0 && plan.downPayment ? ' (primer pago)' : ''}`);
  if (plan.more && plan.frequency) {
    lines.push(`• luego ${plan.more.count} ${plan.more.count === 1 ? 'pago más' : 'pagos más'} de ${plan.more.amount}, ${ONE_EVERY[plan.frequency]}, el último el ${plan.more.lastDate}`);
  }
  if (plan.final) lines.push(`• y un último pago de ${plan.final.amount} el ${plan.final.date}`);
  return lines;
}

export const negotiationEs: NegotiationCatalogue = {
  locale: 'es-US',

  options: (o) => {
    const lines = ['Estas son sus opciones. No hay prisa: tómese el tiempo que necesite para decidir.', `• Pagar el saldo total, ${o.full.total}, en un solo pago.`];
    if (o.settlement) lines.push(`• Cerrar la cuenta con un descuento: un solo pago de ${o.settlement.total}.`);
    if (o.plan) {
      lines.push(`• Un plan de pagos: por ejemplo, ${summary(o.plan)}. O dígame cuánto puede pagar, como "50 al mes" o "100 cada dos semanas a partir del 15".`);
    }
    if (o.hardship) {
      lines.push(`Como nos contó su situación, es posible hacer pagos más pequeños durante más tiempo: desde ${o.smallestPayment} por pago, con hasta ${o.maxInstallments} pagos. Si aun así es demasiado por ahora, una persona de nuestro equipo puede hablar con usted de otras posibilidades, como una pausa.`);
    }
    if (o.rightsOpen) lines.push('Elegir una opción no afecta su derecho a disputar esta deuda ni a pedir el nombre y la dirección del acreedor original.');
    lines.push('¿Qué prefiere? También puede escribir "agente" para hablar con una persona. Nunca se agrega nada a las cantidades indicadas.');
    return lines.join('\n');
  },

  suggestion: (plan) => {
    if (plan.kind === 'settlement') {
      return `El acreedor acepta un solo pago de ${plan.total} el ${plan.first.date} para cerrar la cuenta con descuento (el saldo es de ${plan.balance}). ¿Le funciona? Responda sí para ver todos los términos, o dígame otra cantidad u otra fecha.`;
    }
    if (plan.kind === 'full') return `Puedo establecer ${summary(plan)}. ¿Le funciona? Responda sí para ver todos los términos.`;
    return `Este es un plan que puedo establecer: ${summary(plan)}. ¿Le funciona? Responda sí para ver todos los términos, o dígame cuánto puede pagar (por ejemplo "50 al mes").`;
  },

  settlementOnePayment: (plan, latest) =>
    `Un acuerdo con descuento se paga en un solo pago: el acreedor acepta ${plan.total} para cerrar el saldo de ${plan.balance}, en cualquier fecha hasta el ${latest}. Si un solo pago es demasiado, puedo establecer un plan de pagos por el saldo completo (dígame cuánto puede pagar, por ejemplo "300 al mes"), o puede escribir "agente" para consultar otras condiciones con una persona. ¿Le funciona un solo pago de ${plan.total}? Responda sí para ver todos los términos, o dígame la fecha.`,
  accepted: () => 'Puedo establecer eso.',
  sameTerms: () =>
    'Entiendo lo mismo que los términos que le acabo de mostrar, así que no cambió nada. Para aceptarlos, responda sí. Si algo no está bien, dígame el cambio con otras palabras, o escriba "agente" para hablar con una persona.',

  counter: (list, plan) =>
    `No puedo establecer eso exactamente. ${reasons(list)} Lo más cercano que puedo ofrecer es ${summary(plan)}. ¿Le funciona? Responda sí para ver todos los términos, o dígame otra cosa.`,

  counterAgain: (plan, o) =>
    `Tampoco puedo establecer ${offer(o)}. Lo más cercano que puedo ofrecer sigue siendo ${summary(plan)}. Responda sí para ver todos los términos, dígame otra cosa, o escriba "agente" para consultarlo con una persona.`,

  review: (list, plan, o) =>
    `No puedo aceptar ${offer(o)} por mi cuenta. ${reasons(list)} Lo más cercano que puedo ofrecer es ${summary(plan)}. Si lo prefiere, puedo enviar su propuesta a un agente de cobranza, que la revisará y le responderá. ¿Quiere que la envíe? Por favor, responda sí o no.`,

  reviewAskAgain: () => '¿Quiere que envíe su propuesta a un agente de cobranza para que la revise? Por favor, responda sí o no.',

  reviewQueued: (o) =>
    `He enviado su propuesta (${offer(o)}) a un agente de cobranza para que la revise. No se acuerda ni se cobra nada hasta que reciba una respuesta.`,

  reviewDeclined: (plan) =>
    `De acuerdo. Lo más cercano que puedo ofrecer es ${summary(plan)}. Responda sí para ver todos los términos, o dígame otra cosa.`,

  proposalAskAgain: () => '¿Le funciona? Responda sí para ver todos los términos, o dígame otra cosa, por ejemplo "50 al mes".',

  recap: (plan) => {
    const lines: string[] = [];
    if (plan.kind === 'installments') {
      lines.push('Estos son los términos de su plan de pagos. Por favor, léalos antes de aceptar:');
      lines.push(...paymentLines(plan));
      const frequency = plan.frequency ?? 'monthly';
      const made = plan.downPayment ? `un primer pago y ${PAYMENTS[frequency](plan.installmentCount)}` : PAYMENTS[frequency](plan.installmentCount);
      lines.push(`Número de pagos: ${plan.paymentCount} (${made}).`);
      lines.push(`Total: ${plan.total}, exactamente el saldo. No se le agrega nada.`);
      lines.push(
        'Forma de pago: una tarjeta de débito o de crédito, que se ingresa solo en nuestra página de pago segura, nunca en este chat. Usted hace el primer pago en esa página; cada pago siguiente se cobra automáticamente a la misma tarjeta en su fecha.',
      );
      lines.push('Para cancelar o cambiar el plan, responda "cancelar plan" aquí o pida hablar con una persona, al menos 3 días hábiles antes de un pago.');
      lines.push('¿Autoriza estos pagos? Responda sí para aceptar, o dígame qué le gustaría cambiar.');
    } else {
      lines.push(plan.kind === 'full' ? 'Estos son los términos de su pago. Por favor, léalos antes de aceptar:' : 'Estos son los términos de su acuerdo con descuento. Por favor, léalos antes de aceptar:');
      lines.push(`• ${plan.total} el ${plan.first.date}`);
      lines.push('Número de pagos: 1.');
      if (plan.kind === 'full') lines.push(`Total: ${plan.total}, exactamente el saldo. No se le agrega nada.`);
      else lines.push(`Total: ${plan.total}. El acreedor lo acepta para dar por pagado por completo el saldo de ${plan.balance}, así que usted paga ${plan.saving} menos. No se le agrega nada.`);
      lines.push('Forma de pago: una tarjeta de débito o de crédito, que se ingresa solo en nuestra página de pago segura, nunca en este chat. No se cobra nada hasta que usted pague en esa página.');
      lines.push('Para cancelar o cambiar esto, responda "cancelar plan" aquí o pida hablar con una persona, en cualquier momento antes de pagar.');
      lines.push('¿Acepta estos términos? Responda sí para aceptar, o dígame qué le gustaría cambiar.');
    }
    return lines.join('\n');
  },

  confirmAgain: () => 'Para aceptar estos términos, por favor responda sí. Si prefiere otra cosa, dígamelo, o responda no.',

  notAgreed: () => 'De acuerdo: no se ha acordado ni cobrado nada. Dígame qué le funcionaría mejor, o escriba "agente" para hablar con una persona.',

  agreed: (plan, link) =>
    `Gracias. Su ${plan.kind === 'installments' ? 'plan de pagos está acordado' : plan.kind === 'settlement' ? 'acuerdo con descuento está acordado' : 'pago está acordado'} y registrado, y todavía no se ha cobrado nada. El primer pago, de ${plan.first.amount}, corresponde al ${plan.first.date}. Puede hacerlo en nuestra página de pago segura: ${link}\nIngrese su tarjeta solo en esa página, nunca en este chat. Para cancelar o cambiar, responda "cancelar plan" o escriba "agente".`,

  existingPlan: (plan, link) =>
    `Ya tiene un acuerdo en esta cuenta: ${summary(plan)}. Para cambiarlo, responda "cancelar plan" y luego dígame qué le funciona mejor; para hablarlo con una persona, escriba "agente".${link ? ` Puede hacer el primer pago en nuestra página de pago segura: ${link}` : ''}`,

  planCancelled: () =>
    'Su plan está cancelado y no se cobrará ningún otro pago por él. Los pagos ya hechos siguen acreditados a su cuenta. Si quiere establecer otra cosa, solo dígamelo.',

  noPlanToCancel: () => 'No tiene ningún plan de pagos que cancelar, y no hay nada programado para cobrarse.',

  nothingOwed: () => 'No hay saldo que pagar en esta cuenta.',

  notUnderstood: () =>
    'Perdón, no entendí eso como una opción de pago. Puede decir "pagar todo", "descuento", o decirme cuánto puede pagar, como "50 al mes". También puede escribir "agente" para hablar con una persona.',

  noRush: () => 'De acuerdo. No hay prisa: puede volver a esto cuando quiera.',

  termsChanged: () => 'Algo cambió en la cuenta desde que le mostré esos términos, así que aquí están de nuevo, actualizados.',

  offerNoted: (o) =>
    `También he anotado su oferta (${offer(o)}), para que el agente que revise esto la vea. No se acuerda ni se cobra nada.`,

  lowestSettlement: (amount) =>
    `Sí: ${amount} es lo mínimo que el acreedor acepta para liquidar esta cuenta. Si no puede pagar eso, dígame cuánto puede, y puedo enviar su propuesta a un agente de cobranza para que la revise.`,
  lowestPlan: (regular) =>
    `Sí: ${regular} por pago es el pago más bajo que el acreedor acepta en un plan para esta cuenta. Si no puede pagar eso, dígame cuánto puede, y puedo enviar su propuesta a un agente de cobranza para que la revise.`,
  lowestFull: () => 'Este es el saldo completo. Si le cuesta pagarlo todo de una vez, puede pedir liquidar por menos o un plan de pagos, por ejemplo "50 al mes".',
  mayGoLower: () => 'El acreedor podría aceptar menos. Dígame cuánto puede pagar y lo reviso.',
  coversAll: (plan) =>
    plan.kind === 'settlement'
      ? `Sí: el pago único de ${plan.total} liquida todo el saldo de ${plan.balance}. Una vez pagado, no debe nada más en esta cuenta.`
      : plan.kind === 'full'
        ? `Sí: ${plan.total} es el saldo completo. Una vez pagado, no debe nada más en esta cuenta.`
        : `Sí: los pagos suman ${plan.total}, el saldo completo. Cuando estén todos pagados, no debe nada más en esta cuenta.`,
  recapDiffers: (asked, total) => `Tenga en cuenta que estas condiciones son por ${total}, no por los ${asked} que mencionó, porque ${total} es el saldo completo.`,

  askStartDate: () => [
    '¿Cuándo quiere hacer el primer pago? Por ejemplo, "el día 15" o "1 de diciembre".',
    '¿En qué fecha quiere el primer pago? Sirve una fecha como "el 1" o "5 de enero".',
  ],

  resumed: () => 'Aquí es donde estábamos antes de confirmar de nuevo su identidad.',

  // Written without á, í, ó or ú, so by SMS they stay in GSM-7 and two segments (see smsShort.ts).
  cannotPay: (smallest) => {
    const plan = smallest?.regular ? ` Con las condiciones para casos de dificultad, se puede pagar desde ${smallest.regular} ${PER[smallest.frequency ?? 'monthly']}, en ${smallest.installmentCount} pagos.` : '';
    return [
      `Le entiendo; nadie le va a presionar.${plan} Si aun con eso es demasiado ahora, una persona de nuestro equipo puede ver con usted otras posibilidades, como una pausa. ¿Quiere que una persona le contacte?`,
      `No se preocupe; no hay ninguna prisa.${plan} Una persona de nuestro equipo puede ver otras posibilidades con usted, como una pausa. ¿Le pido a una persona que le contacte?`,
    ];
  },

  pauseRequest: () => [
    'Yo no puedo poner la cuenta en pausa: eso lo decide el acreedor. Una persona de nuestro equipo puede hablarlo con usted, junto con las opciones para quienes pasan por dificultades (pagos menores y a mayor plazo). ¿Quiere que una persona le contacte para hablar de una pausa?',
    'Una pausa no es algo que yo pueda establecer desde este chat, pero una persona de nuestro equipo puede consultarla con el acreedor. ¿Le pido a una persona que le contacte sobre una pausa?',
  ],

  again: (step) =>
    ({
      choose: [
        'Puede decir "pagar todo", "liquidar", o decirme cuánto puede pagar, por ejemplo "50 al mes". También puede escribir "agente" para hablar con una persona.',
        '¿Qué prefiere: pagar todo, liquidar la deuda, o un plan? Para un plan, dígame una cantidad, por ejemplo "50 al mes".',
      ],
      proposed: [
        '¿Le funciona? Responda sí para ver todos los términos, o dígame otra cosa, por ejemplo "50 al mes".',
        '¿Le muestro todos los términos? Responda sí, o dígame qué le funcionaría mejor.',
      ],
      confirm: [
        'Para aceptar estos términos, por favor responda sí. Si prefiere otra cosa, dígamelo, o responda no.',
        'Todavía no se ha acordado nada: para aceptar los términos de arriba, por favor responda sí. Si no los quiere, responda no, o dígame qué cambiar.',
      ],
      review: [
        '¿Quiere que envíe su propuesta a un agente de cobranza para que la revise? Por favor, responda sí o no.',
        '¿Envío su propuesta a un agente para que la revise? ¿Sí o no?',
      ],
      person: [
        '¿Quiere que le pida a una persona de nuestro equipo que se comunique con usted? Por favor, responda sí o no.',
        '¿Le pido a una persona de nuestro equipo que hable con usted sobre esto? ¿Sí o no?',
      ],
    })[step],
};
