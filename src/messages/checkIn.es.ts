import type { CheckInCatalogue } from './checkIn.ts';

export const checkInEs: CheckInCatalogue = {
  ask: () =>
    'Siento mucho que las cosas se sientan tan pesadas ahora. Antes que nada, quiero saber cómo está: ¿está a salvo en este momento? Puede responder sí o no.',
  safe: () =>
    'Gracias por decírmelo. Aquí no hay prisa ni presión. Si en algún momento todo se siente demasiado, puede llamar o enviar un mensaje al 988 (también en español) a cualquier hora, de día o de noche. Cuando esté listo, podemos seguir donde estábamos, o escriba "agente" para hablar con una persona.',
};
