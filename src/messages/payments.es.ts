import type { PaymentPurpose, PaymentsCatalogue, ReceiptFacts } from './payments.ts';

const PURPOSE: Record<PaymentPurpose, string> = {
  full: 'pago total',
  settlement: 'pago de liquidación',
  down_payment: 'primer pago de su plan',
  installment: 'pago del plan',
  update_card: 'tarjeta para los pagos de su plan',
};

function receipt(r: ReceiptFacts): string {
  const parts = [`Gracias. Recibimos su pago de ${r.amount} el ${r.date} (referencia ${r.reference}).`];
  if (r.settled) {
    parts.push('Su liquidación está completa: esta cuenta queda resuelta y no se debe nada más.');
  } else {
    parts.push(`Su saldo pendiente es de ${r.balance}.`);
    if (r.planCompleted && r.balanceIsZero) parts.push('Su plan está completo y esta cuenta está pagada en su totalidad.');
    else if (r.planCompleted) parts.push('Su plan de pagos está completo.');
    else if (r.balanceIsZero) parts.push('Esta cuenta está pagada en su totalidad.');
  }
  if (r.next && !r.planCompleted) parts.push(`Su próximo pago programado es de ${r.next.amount} el ${r.next.date}.`);
  return parts.join(' ');
}

const HELP = 'Si desea cambiar su plan o hablarlo, responda aquí o escriba "agente" para hablar con una persona.';

export const paymentsEs: PaymentsCatalogue = {
  locale: 'es-US',
  checkoutLocale: 'es',
  receipt,
  reminder: (r) =>
    `Un recordatorio: su pago programado de ${r.amount} se cargará el ${r.date} a la tarjeta que guardó. No necesita hacer nada. ${HELP}`,
  paymentFailed: (r) => {
    const lead = {
      authentication_required: `Intentamos cobrar su pago programado de ${r.amount} del ${r.date}, pero su banco pidió que usted lo confirme primero, así que no se cobró nada.`,
      declined: `Su pago programado de ${r.amount} del ${r.date} no se pudo realizar y no se cobró nada.`,
      retries_exhausted: `Intentamos varias veces cobrar su pago programado de ${r.amount} del ${r.date}, pero no se pudo realizar. No se cobró nada.`,
      bank_payment_failed: `Su pago bancario de ${r.amount} no se pudo realizar y no se cobró nada.`,
    }[r.reason];
    const how =
      r.reason === 'bank_payment_failed'
        ? `Puede pagar en nuestra página segura con el mismo método u otro: ${r.link}`
        : `Puede pagarlo en nuestra página segura, con la misma tarjeta u otra: ${r.link} La tarjeta que use allí se usará para sus próximos pagos programados.`;
    return `${lead} ${how} ${HELP}`;
  },
  duplicateRefunded: (r) =>
    `Recibimos dos pagos de ${r.amount} por lo mismo, así que le devolvimos el segundo a la tarjeta o cuenta de donde vino. Los reembolsos suelen aparecer en un plazo de 5 a 10 días hábiles.`,
  webSignature: (collector) => `— ${collector}, una agencia de cobranza de deudas.`,
  checkoutDescription: (r) => `${r.collector}: ${PURPOSE[r.purpose]}, cuenta ${r.account}`,
  pages: {
    documentTitle: 'Pago seguro',
    linkInvalid: {
      title: 'Este enlace de pago no es válido',
      body: 'Este enlace ya no es válido, o no se copió completo. No se cobró nada. Pida un enlace nuevo en el chat, o responda a nuestro mensaje de texto.',
    },
    alreadyPaid: {
      title: 'Ya está pagado',
      body: 'Ya recibimos este pago. Gracias. No se necesita nada más y no se cobrará otra vez.',
    },
    notAuthorized: {
      title: 'Este pago no está listo',
      body: 'No tenemos registrado su acuerdo con estas condiciones de pago, así que no iniciamos este pago. Vuelva al chat para revisar y confirmar las condiciones, o escriba "agente" para hablar con una persona.',
    },
    planClosed: {
      title: 'Este plan está cerrado',
      body: 'Este plan de pagos fue cancelado o cerrado, así que este enlace no se puede usar. Si desea hacer un pago, pida un enlace nuevo en el chat.',
    },
    amountChanged: {
      title: 'El monto cambió',
      body: 'El saldo de esta cuenta cambió desde que se creó este enlace, así que no iniciamos el pago. Pida un enlace nuevo en el chat.',
    },
    unsupported: {
      title: 'Este enlace no se puede usar aquí',
      body: 'Este tipo de enlace no se puede abrir en esta página. No se cobró nada. Pida un enlace nuevo en el chat.',
    },
    unavailable: {
      title: 'La página de pago no está disponible',
      body: 'No pudimos abrir la página de pago segura en este momento. No se cobró nada. Intente abrir su enlace otra vez en unos minutos.',
    },
    complete: {
      title: 'Gracias',
      body: 'Su pago fue enviado. Le mandaremos su recibo en el chat o por mensaje de texto. Puede cerrar esta página.',
    },
    receipt: {
      title: 'Recibo de pago',
      amount: 'Cantidad pagada',
      date: 'Fecha',
      balance: 'Saldo pendiente',
      next: 'Próximo pago programado',
      keep: 'Gracias. Esta página es su recibo: puede imprimirla o guardarla. También se lo enviamos en el chat o por mensaje de texto.',
      print: 'Imprimir este recibo',
    },
    confirming: {
      title: 'Confirmando su pago',
      body: 'Su pago fue enviado y lo estamos confirmando con la red de tarjetas. Esta página mostrará su recibo en unos segundos.',
    },
    cancelled: {
      title: 'No se cobró nada',
      body: 'Salió de la página de pago, así que no se cobró nada. Puede abrir su enlace otra vez cuando quiera, o preguntar en el chat si tiene dudas.',
    },
  },
  demo: {
    banner: 'DEMOSTRACIÓN — esta no es una página de pago real. No se cobra dinero real y no se necesitan datos de tarjeta.',
    title: 'Pago de demostración',
    explain: 'Estos botones representan lo que puede pasar con una tarjeta en una página de pago real.',
    amountLabel: 'Monto',
    forLabel: 'Concepto',
    pay: 'Pagar (demostración)',
    decline: 'Tarjeta rechazada (demostración)',
    requiresAuthentication: 'La tarjeta pide autenticación (demostración)',
    authentication: {
      title: 'Su banco pide que confirme este pago (demostración)',
      body: 'Un banco real mostraría aquí su propio paso de confirmación. Una tarjeta que pide confirmación aquí también la pedirá en los pagos programados siguientes.',
    },
    authenticationConfirm: 'Confirmar (demostración)',
    authenticationCancel: 'No confirmar (demostración)',
    declined: { title: 'La tarjeta fue rechazada (demostración)', body: 'No se cobró nada. Puede intentarlo otra vez.' },
    authenticationFailed: { title: 'El pago no se confirmó (demostración)', body: 'No se cobró nada. Puede intentarlo otra vez.' },
    backToCheckout: 'Volver al pago de demostración',
    unknownSession: {
      title: 'Este pago de demostración no está disponible',
      body: 'Esta página de pago de demostración ya no está disponible. Abra su enlace de pago otra vez para empezar uno nuevo.',
    },
    alreadyComplete: { title: 'Este pago de demostración está completo', body: 'Este pago ya fue enviado. Puede cerrar esta página.' },
    deliveryFailed: {
      title: 'La demostración no pudo registrar este pago',
      body: 'No se registró nada y no se cobró dinero. Intente otra vez en un momento.',
    },
  },
};
