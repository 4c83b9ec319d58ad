import type { OfferFacts, OfficerCatalogue } from './officer.ts';

const NOTHING_UNTIL_YES = 'No se acuerda ni se cobra nada a menos que usted diga que sí.';
const RIGHTS = 'Aceptar estos términos no afecta su derecho a disputar esta deuda ni a pedir el nombre y la dirección del acreedor original.';

function howToAnswer(offer: OfferFacts): string {
  const lines = [offer.recap];
  if (offer.rightsOpen) lines.push(RIGHTS);
  lines.push('Responda SÍ para aceptar estos términos, o NO si no los quiere. También puede escribir "agente" para hablar con una persona.');
  return lines.join('\n');
}

export const officerEs: OfficerCatalogue = {
  locale: 'es-US',

  officerJoined: (name) => `${name}, de nuestro equipo, se ha unido a esta conversación y le responderá aquí.`,

  handedBack: () => 'Ahora vuelve a hablar con nuestro asistente virtual. Si quiere hablar de nuevo con una persona, escriba "agente" en cualquier momento.',

  resolved: () => 'Nuestro equipo ha cerrado esta conversación. Puede escribir aquí en cualquier momento si necesita algo más.',

  proposalApproved: (offer) => `Un agente de cobranza revisó su propuesta y la aprobó. ${NOTHING_UNTIL_YES}\n${howToAnswer(offer)}`,

  proposalCountered: (offer) =>
    `Un agente de cobranza revisó su propuesta. No puede aprobarla tal como está, pero puede ofrecerle estos términos en su lugar. ${NOTHING_UNTIL_YES}\n${howToAnswer(offer)}`,

  termsOffered: (offer) => `Estos son los términos de los que hablamos, por escrito para que pueda revisarlos. ${NOTHING_UNTIL_YES}\n${howToAnswer(offer)}`,

  proposalRejected: () =>
    'Un agente de cobranza revisó su propuesta y no puede aceptarla. No se ha acordado ni cobrado nada. Cuando quiera, puede pedirme de nuevo sus opciones de pago, o escribir "agente" para hablar con una persona.',

  pendingOffer: () => 'Antes de seguir: un agente de cobranza le envió los términos que verá abajo, y están a la espera de su respuesta.',

  offerDeclined: () =>
    'De acuerdo: no se ha acordado ni cobrado nada. Cuando quiera, puede pedirme de nuevo sus opciones de pago, o escribir "agente" para hablar con una persona.',

  offerWithdrawn: () =>
    'Algo cambió en su cuenta desde que el agente le envió esos términos (el saldo o las fechas de pago), así que ya no pueden establecerse tal como estaban. No se ha acordado ni cobrado nada. Puede pedirme de nuevo sus opciones de pago, o escribir "agente" para hablar con una persona.',
};
