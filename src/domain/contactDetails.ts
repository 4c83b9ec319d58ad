/**
 * A person's name and a way to reach them, from one message: "his name is Dan Reyes, 415-555-0100",
 * "Kim Wexler, kim@wexler.example", "se llama Ana Ruiz y su teléfono es 210-555-0199". Used for an
 * attorney's details (DESIGN 6) and an estate's contact (DESIGN 17); a relative named in passing
 * ("my father Harold Jenkins passed away", "my brother Mark Jenkins, 216-555-0400") for a death
 * reported by a relative. Pure.
 */
import { nameFrom } from './names.ts';

export interface ContactDetails {
  name?: string;
  /** A phone number or email address, as written. */
  contact?: string;
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const PHONE = /(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}\b/;
/** What comes right before a name: "his name is", "my lawyer is", "called", "se llama"… */
const NAME_CUE =
  /\b(?:(?:his|her|their|the|my)\s+(?:attorney'?s\s+|lawyer'?s\s+)?name\s+(?:is|was)|name\s+(?:is|was)|named|called|represented\s+by|(?:lawyer|attorney|executor|executrix|administrator|personal representative|counsel)\s+is|(?:my|our|an|the)\s+(?:lawyer|attorney|counsel)(?!'|\s+(?:is|was|name)\b)\s*[,:]?|(?:mi|un|una|el|la)\s+abogad[oa](?!\s+es\b)\s*[,:]?|it'?s|i\s+am|i'?m|this\s+is|me\s+llamo|mi\s+nombre\s+es|soy|se\s+llamaba|se\s+llama|su\s+nombre\s+es|su\s+nombre\s+era|(?:abogado|abogada|albacea|administrador|administradora)\s+es|es\s+(?:el|la)\s+(?:abogado|abogada|albacea))\s+/i;
/** A name runs until a comma, a stop, "and"/"y", a number or a word that introduces something else. */
const NAME_END = /[,.;:!?()\d—–]|\s(?:and|y|his|her|their|phone|number|email|e-mail|at|su|teléfono|telefono|correo|handles|represents|is|will|can|does|lleva|es)\b/i;

/** "This is Paul Donovan", "soy Ana Ruiz": the writer's own name, taken out where another person's name is wanted. */
const SELF_INTRODUCTION = /\b(?:this is|i am|i'm|my name is|me llamo|mi nombre es|soy)\s+[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,3}/giu;

export function withoutSelfIntroduction(text: string): string {
  return text.replace(SELF_INTRODUCTION, ' ');
}

/** A name introduced in a longer message: "my name is Maria Johnson, born…", "me llamo Ana Ruiz y…". */
export function nameAfterCue(text: string): string | undefined {
  for (const cue of text.matchAll(new RegExp(NAME_CUE.source, 'gi'))) {
    const rest = text.slice(cue.index + cue[0].length);
    const end = NAME_END.exec(rest);
    const name = nameFrom((end ? rest.slice(0, end.index) : rest).trim());
    if (name) return name;
  }
  return undefined;
}

export function contactDetailsFrom(text: string): ContactDetails {
  const details: ContactDetails = {};
  const contact = EMAIL.exec(text) ?? PHONE.exec(text);
  if (contact) details.contact = contact[0].trim();
  const withoutContact = contact ? text.replace(contact[0], ' ') : text;
  // "Susan Kim at Kim & Ortiz, 215-555-0177": the name is what comes before the firm.
  const lead = withoutContact.split(/[,;]| at | from | with | of | de | del /i)[0]!.trim();
  const name = nameAfterCue(withoutContact) ?? nameFrom(withoutContact.replace(/[,;]+/g, ' ').replace(/\s+/g, ' ').trim()) ?? nameFrom(lead);
  if (name) details.name = name;
  return details;
}

/** "my father", "our late mother", "mi papá", "su hermano": a relative, before the name that follows. */
const RELATIVE_CUE =
  /\b(?:my|our|his|her|mi|nuestro|nuestra|su)\s+(?:late\s+|difunto\s+|difunta\s+)?(?:father|dad|mother|mom|mum|husband|wife|son|daughter|brother|sister|uncle|aunt|grandfather|grandmother|grandpa|grandma|cousin|partner|stepfather|stepmother|father-in-law|mother-in-law|padre|pap[aá]|madre|mam[aá]|esposo|esposa|marido|hijo|hija|hermano|hermana|t[ií]o|t[ií]a|abuelo|abuela|primo|prima|suegro|suegra|pareja)(?!\p{L})\s*,?\s*|\b(?:the|la|el|a|una|un)\s+(?:daughter|son|wife|husband|widow|widower|granddaughter|grandson|niece|nephew|hija|hijo|esposa|esposo|viuda|viudo|nieta|nieto|sobrina|sobrino)\s+(?:of|de)\s+/giu;
/** Words that end a name written in lower case: what the sentence goes on to say about the person. */
const AFTER_NAME = /^(?:passed|died|dies|who|that|was|is|has|had|handles|handled|will|can|and|y|fallecio|falleci[oó]|muri[oó]|murio|que|lleva|se|es|era|tiene)$/iu;
const NAME_PART = /^[\p{L}][\p{L}'’-]*$/u;

/**
 * The names right after a relative is mentioned, in order: "Hi, my father Harold Jenkins passed
 * away" → ["Harold Jenkins"]; "les escribe la hija de Robert Williams" → ["Robert Williams"]; "my brother mark jenkins handles it" → ["mark jenkins"]. A relative
 * with no 2-4 word name after them ("my father passed away") adds nothing.
 */
export function relativesNamed(text: string): string[] {
  const names: string[] = [];
  for (const cue of text.matchAll(RELATIVE_CUE)) {
    const words: string[] = [];
    for (const raw of text.slice(cue.index + cue[0].length).split(/\s+/)) {
      const word = raw.replace(/[,.;:!?)]+$/, '');
      if (!NAME_PART.test(word) || AFTER_NAME.test(word)) break;
      // Written with capitals: the name is the run of capitalised words ("Harold Jenkins passed…").
      if (words.length > 0 && /^\p{Lu}/u.test(words[0]!) && !/^\p{Lu}/u.test(word)) break;
      words.push(word);
      if (word !== raw || words.length === 4) break;
    }
    const name = nameFrom(words.join(' '));
    if (name) names.push(name);
  }
  return names;
}
