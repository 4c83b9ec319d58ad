import type { NoticeText } from './validationNotice.ts';

/**
 * Spanish text of the validation notice: a complete translation of Model Form B-1, following the
 * wording of the CFPB's Spanish model validation notice where we know it. Reg F 1006.34(d)(3)(vi)
 * allows a translated notice only with an English one in the same or an earlier communication, so
 * the renderer always appends the English notice to the Spanish page (`translationOf`).
 *
 * The CFPB address stays www.cfpb.gov/debt-collection: it is the address 1006.34(c)(3)(iv) names.
 * Literal text is plain text; values handed to the functions are already HTML-escaped.
 */
export const noticeTextEs: NoticeText = {
  locale: 'es-US',
  htmlLang: 'es',
  title: 'Aviso de validación',
  pageTitle: (collector) => `Aviso de validación de ${collector}`,
  keepCopy: 'Este aviso es suyo y puede conservarlo. Para guardar una copia, guarde esta página o imprímala.',
  fromHeading: 'De',
  toHeading: 'Para',
  callUs: (phone, hours) => `Llámenos: ${phone} (${hours})`,
  noticeDateLabel: 'Fecha del aviso',
  referenceLabel: 'Referencia',
  intro: (collector, creditor) =>
    `${collector} es un cobrador de deudas. Estamos tratando de cobrar una deuda que usted le debe a ${creditor}. Usaremos cualquier información que usted nos dé para ayudar a cobrar la deuda.`,
  ourInformationHeading: 'Nuestra información indica:',
  currentCreditorLabel: 'Acreedor actual',
  originalCreditorLabel: 'Acreedor original',
  accountNumberLabel: 'Número de cuenta',
  itemizationCaption: 'Cómo se compone la cantidad de la deuda',
  descriptionColumn: 'Concepto',
  amountColumn: 'Cantidad',
  owedAsOf: (date) => `Al ${date}, usted debía:`,
  betweenDateAndToday: (date) => `Entre el ${date} y hoy:`,
  interestLine: 'Se le cobró esta cantidad en intereses:',
  feesLine: 'Se le cobró esta cantidad en cargos:',
  paidOrCreditedLine: 'Usted pagó o se le acreditó esta cantidad a la deuda:',
  paidOrCreditedBreakdown: (payments, credits) => `(pagos ${payments}, créditos ${credits})`,
  totalLine: 'Cantidad total de la deuda ahora:',
  plusWord: 'más',
  minusWord: 'menos',
  disputeHeading: '¿Cómo puede disputar la deuda?',
  disputeCallOrWrite: (date) =>
    `Llámenos o escríbanos a más tardar el ${date} para disputar toda la deuda o parte de ella. Si no lo hace, asumiremos que nuestra información es correcta.`,
  disputeWriteStopsCollection: (date) =>
    `Si nos escribe a más tardar el ${date}, debemos suspender el cobro de cualquier cantidad que usted dispute hasta que le enviemos información que demuestre que usted debe la deuda. Puede usar el formulario de abajo o escribirnos sin el formulario. También puede incluir documentos de respaldo.`,
  disputeElectronically:
    'Aceptamos disputas por medios electrónicos: díganoslo con sus propias palabras en el chat donde recibió este aviso.',
  elseHeading: '¿Qué más puede hacer?',
  originalCreditorRequest: (date) =>
    `Escríbanos para pedir el nombre y la dirección del acreedor original, si es diferente del acreedor actual. Si nos escribe a más tardar el ${date}, debemos suspender el cobro hasta que le enviemos esa información. Puede usar el formulario de abajo o escribirnos sin el formulario.`,
  originalCreditorElectronically: 'También aceptamos estas solicitudes por medios electrónicos en el chat.',
  cfpb: (url) =>
    `Visite ${url} para obtener más información sobre sus derechos según la ley federal. Por ejemplo, usted tiene derecho a impedir o limitar la forma en que nos comunicamos con usted.`,
  paymentOptions: 'Comuníquese con nosotros para informarse sobre sus opciones de pago.',
  otherLanguageOffer: undefined,
  responseHeading: '¿Cómo desea responder?',
  onlineResponse:
    'No tiene que enviar nada por correo. Puede hacer todo esto directamente en el chat: díganos, con sus propias palabras, que disputa la deuda (y por qué, si lo desea) o que quiere el nombre y la dirección del acreedor original. Lo registraremos, se lo confirmaremos y lo trataremos como si nos hubiera escrito. Si prefiere el papel, imprima esta página y envíenos por correo el formulario de abajo.',
  mailTo: 'Envíe este formulario por correo a:',
  responderHeading: 'De',
  checkAll: 'Marque todas las opciones que correspondan:',
  disputeBecause: 'Quiero disputar la deuda porque creo que:',
  notMyDebt: 'Esta deuda no es mía.',
  amountWrong: 'La cantidad es incorrecta.',
  otherReason: 'Otro motivo (descríbalo al reverso o adjunte información adicional).',
  sendOriginalCreditor: 'Quiero que me envíen el nombre y la dirección del acreedor original.',
  enclosedAmount: 'Adjunto esta cantidad:',
  payable: (collector, reference) =>
    `Emita su cheque a nombre de ${collector}. Incluya el número de referencia ${reference}.`,
  otherLanguageCheckbox: undefined,
  invalidLinkTitle: 'Este enlace no es válido',
  invalidLinkBody:
    'Este enlace al aviso no es válido. Puede estar incompleto o mal escrito. Para obtener un enlace nuevo, vuelva al chat y pida su aviso de validación.',
  unavailableTitle: 'Este aviso no se puede mostrar en este momento',
  unavailableBody:
    'Lo sentimos: este aviso no se puede mostrar en este momento. Inténtelo de nuevo más tarde, o vuelva al chat y escriba "agente" para hablar con una persona.',
  translationOf: {
    language: 'en',
    heading: 'English version (versión en inglés)',
    explanation:
      'A continuación encontrará este mismo aviso en inglés. Below is this same notice in English.',
  },
};
