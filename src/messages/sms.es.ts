import type { SmsCatalogue } from './sms.ts';

export const smsEs: SmsCatalogue = {
  optOutConfirmed: (s) =>
    `${s.name}: Se ha dado de baja y no recibirá más mensajes de texto nuestros. Responda START para volver a recibirlos.`,
  optInConfirmed: (s) =>
    `${s.name}: Volverá a recibir nuestros mensajes de texto. Pueden aplicarse tarifas de mensajes y datos. Responda HELP para obtener ayuda, STOP para darse de baja.`,
  help: (s) =>
    `${s.name}: mensajes sobre su cuenta. Para obtener ayuda, llame al ${s.helpPhone}. La frecuencia varía: hasta ${s.weeklyCap} por semana, más las respuestas a sus mensajes. Pueden aplicarse tarifas de mensajes y datos. Responda STOP para darse de baja.`,
  // GSM-7 only (no accents): the footer must not push a part into UCS-2.
  footer: (s) => `${s.name} es un cobrador de deudas. Responda STOP para darse de baja.`,
};
