import { numberList, type RepliesCatalogue } from './replies.ts';

export const repliesEs: RepliesCatalogue = {
  yesNo: () => [
    { label: 'Sí', value: 'sí' },
    { label: 'No', value: 'no' },
  ],
  menu: (paused) =>
    paused
      ? [
          { label: 'Mi saldo', value: 'mi saldo' },
          { label: 'Detalle del saldo', value: 'por qué es esta cantidad' },
          { label: 'Mis derechos', value: 'mis derechos' },
          { label: 'Hablar con una persona', value: 'agente' },
        ]
      : [
          { label: 'Mi saldo', value: 'mi saldo' },
          { label: 'Detalle del saldo', value: 'por qué es esta cantidad' },
          { label: 'Mis derechos', value: 'mis derechos' },
          { label: 'Opciones de pago', value: 'opciones de pago' },
          { label: 'Disputarla', value: 'disputo esta deuda' },
          { label: 'Hablar con una persona', value: 'agente' },
        ],
  beforeVerification: () => [{ label: 'Quiénes son', value: 'quiénes son ustedes' }, { label: 'Hablar con una persona', value: 'agente' }],
  paymentOptions: (offered) => [
    { label: 'Pagar todo', value: 'pagar todo' },
    ...(offered.settlement ? [{ label: 'Liquidar', value: 'liquidar' }] : []),
    ...(offered.plan ? [{ label: 'Plan de pagos', value: 'plan de pagos' }] : []),
    { label: 'Hablar con una persona', value: 'agente' },
  ],
  link: (kind) => ({ pay: 'Pagar de forma segura', notice: 'Abrir su aviso', record: 'Abrir su registro', other: 'Abrir la página' })[kind],
  smsChoices: (choices) => `${choices.map((c, i) => `${i + 1} ${c.label}`).join('\n')}\nResponda ${numberList(choices.length, 'o')}.`,
  cards: {
    itemizationTitle: 'Cómo se compone el saldo',
    recapTitle: 'Condiciones para revisar',
    receiptTitle: 'Recibo de pago',
  },
};
