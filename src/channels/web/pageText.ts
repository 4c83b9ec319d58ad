/**
 * The words of the demo page around the chat, one set per language: a Spanish visitor reads the
 * page in Spanish (issue #16 item 2), as the chat itself starts in Spanish for them.
 */
import type { Language } from '../../messages/catalogue.ts';

export interface PageText {
  lang: Language;
  /** Web Chat's locale (its own buttons and labels). */
  chatLocale: string;
  title(collector: string): string;
  description(collector: string): string;
  skip: string;
  nav: { label: string; chat: string; contact: string; rights: string };
  heading: string;
  lead: string;
  chatTitle: string;
  /** The side card that explains the assistant: its own name, so the page has one region named for the chat. */
  aboutTitle: string;
  back: string;
  openChat: string;
  noScript(phoneLink: string): string;
  contactTitle: string;
  contact(phoneLink: string): string;
  rightsTitle: string;
  rights: string[];
  cfpb: { before: string; href: string; label: string };
  demo: string;
  other: { lang: Language; label: string };
}

const en: PageText = {
  lang: 'en',
  chatLocale: 'en-US',
  title: (c) => `Resolve your account online — ${c}`,
  description: (c) => `Chat with ${c}'s virtual assistant: your balance, your options, payment plans and secure payment.`,
  skip: 'Skip to the chat',
  nav: { label: 'Main', chat: 'Chat', contact: 'Contact us', rights: 'Your rights' },
  heading: 'Resolve your account online',
  lead: 'Our virtual assistant is here day and night. It first checks who you are, then explains your balance and your options — paying in full, a settlement or a payment plan — and takes payment on a secure page. A person from our team is one word away: type "agent".',
  chatTitle: 'Chat with our virtual assistant',
  aboutTitle: 'How it works',
  back: 'Back to the page',
  openChat: 'Open the chat',
  noScript: (phone) => `The chat needs JavaScript. You can also call us at ${phone}.`,
  contactTitle: 'Prefer to talk to a person?',
  contact: (phone) => `Type <strong>agent</strong> in the chat at any time, or call ${phone}.`,
  rightsTitle: 'Your rights',
  rights: [
    'You can dispute all or part of a debt, or ask for the name and address of the original creditor.',
    'You can ask us to stop contacting you.',
    'Never type a card number into the chat: payments are taken on a secure payment page.',
  ],
  cfpb: { before: 'Learn more about debt collection from the Consumer Financial Protection Bureau at', href: 'https://www.consumerfinance.gov/debt-collection/', label: 'consumerfinance.gov/debt-collection' },
  demo: 'Demonstration site: the people and accounts in it are fictional.',
  other: { lang: 'es', label: 'Español' },
};

const es: PageText = {
  lang: 'es',
  chatLocale: 'es-US',
  title: (c) => `Resuelva su cuenta en línea — ${c}`,
  description: (c) => `Converse con el asistente virtual de ${c}: su saldo, sus opciones, planes de pago y pago seguro.`,
  skip: 'Saltar al chat',
  nav: { label: 'Principal', chat: 'Chat', contact: 'Contacto', rights: 'Sus derechos' },
  heading: 'Resuelva su cuenta en línea',
  lead: 'Nuestro asistente virtual está disponible de día y de noche. Primero confirma su identidad, luego le explica su saldo y sus opciones — pagar todo, una liquidación o un plan de pagos — y recibe el pago en una página segura. Una persona de nuestro equipo está a una palabra: escriba "agente".',
  chatTitle: 'Converse con nuestro asistente virtual',
  aboutTitle: 'Cómo funciona',
  back: 'Volver a la página',
  openChat: 'Abrir el chat',
  noScript: (phone) => `El chat necesita JavaScript. También puede llamarnos al ${phone}.`,
  contactTitle: '¿Prefiere hablar con una persona?',
  contact: (phone) => `Escriba <strong>agente</strong> en el chat en cualquier momento, o llame al ${phone}.`,
  rightsTitle: 'Sus derechos',
  rights: [
    'Puede disputar toda la deuda o una parte, o pedir el nombre y la dirección del acreedor original.',
    'Puede pedirnos que dejemos de contactarle.',
    'Nunca escriba un número de tarjeta en el chat: los pagos se reciben en una página de pago segura.',
  ],
  cfpb: { before: 'Obtenga más información sobre el cobro de deudas en la Oficina para la Protección Financiera del Consumidor:', href: 'https://www.consumerfinance.gov/es/cobro-de-deudas/', label: 'consumerfinance.gov/es/cobro-de-deudas' },
  demo: 'Sitio de demostración: las personas y cuentas que aparecen son ficticias.',
  other: { lang: 'en', label: 'English' },
};

export const PAGE_TEXT: Readonly<Record<Language, PageText>> = { en, es };

/** The page's language: ?lang= when given, else the browser's first preference (Accept-Language). */
export function pageLanguage(query: string | null, acceptLanguage: string | undefined): Language {
  if (query === 'es' || query === 'en') return query;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('es') ? 'es' : 'en';
}
