import type { Catalogue } from './catalogue.ts';

export const es: Catalogue = {
  greeting: (c) =>
    `Hola, soy el asistente virtual de ${c.name}. Puedo ayudarle a revisar y resolver una cuenta de forma privada y a su ritmo.`,
  agentAnytime: () => 'Puede escribir "agente" en cualquier momento para hablar con una persona.',
  askHowToHelp: () =>
    'Antes de hablar de cualquier cuenta, necesito confirmar su identidad.',
  notUnderstood: () =>
    'Perdone, no le entendí. Puede escribir "agente" para hablar con una persona.',
  technicalProblem: (c) =>
    `Lo sentimos, algo salió mal de nuestro lado. Inténtelo de nuevo en un momento o llámenos al ${c.phone} (${c.hours}).`,
};
