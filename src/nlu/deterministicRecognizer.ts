/**
 * The deterministic recognizer: keyword and pattern rules over a normalised text, English and
 * Spanish, no I/O and no network. It is always available and is the fallback of the LLM one.
 *
 * How a message is read
 *  1. Normalise (normalizeText): lower case, accents stripped (á→a, ñ→n), "f***" → "fuck",
 *     contractions expanded ("don't" → "do not", "I'm" → "i am"), punctuation → spaces, letters
 *     repeated three or more times collapsed ("stoooop" → "stop"), SMS shorthand expanded
 *     ("u" → "you", "pls" → "please", "dont" → "do not", "rn" → "right now", "2" after a verb → "to").
 *  2. Correct typos (correctToken): a word that is not known is replaced by the nearest keyword
 *     from FUZZY_KEYWORDS when the Damerau-Levenshtein (optimal string alignment) distance is ≤ 1
 *     and both words have ≥ 5 letters, ≤ 2 when both have ≥ 9, or the words are 4 letters long and
 *     differ by one swap of adjacent letters ("wnat" → "want"). Common words that sit one edit
 *     away from a keyword ("employed"/"deployed", "think"/"thank", "lease"/"cease") are protected.
 *  3. Match every intent's rules against the corrected text. Every intent found is reported,
 *     ordered by byPriority; the first is the one to act on. Attorney, bankruptcy and military
 *     keywords that are denied ("I don't have a lawyer", "I'm not in the military") do not count.
 *     A death reported about "my husband" with nothing tying it to the account is bereavement
 *     (hardship); about the account holder, or tied to the account ("this was her card"), it is
 *     'deceased' (plus hardship when a relative is named). "Stop emailing me notices" is a withdrawal
 *     of E-SIGN consent, not a cease: cease counts only if its words remain once the withdrawal's
 *     words are taken out.
 *  4. Extract entities from the original text (extractEntities):
 *     - dates need a year. Numeric dates are read month/day (US) and day/month; when only one
 *       reading is a real date it is taken, when both are and differ ("4/12/1985") nothing goes in
 *       `dates` and `ambiguousDate` is set. Two-digit years pivot at 30 (TWO_DIGIT_YEAR_PIVOT).
 *       Impossible dates (Feb 30) are dropped.
 *     - money needs a sign that it is money: "$", "dollars"/"dólares", a period ("a month",
 *       "al mes", "every two weeks"), "now"/"today", or a paying verb right before it ("I can do
 *       50"). Amounts become integer cents by joining digit strings, never by float arithmetic.
 *     - a ZIP needs a label ("zip", "código postal") or to be the whole message; an SSN last-4
 *       needs a label ("ssn", "social", "last four", "últimos cuatro") or to be the whole message.
 *       A full SSN is never read as a last-4.
 *     - an account number is letters-then-digits anywhere ("A-1001"), or anything with a digit
 *       after "account"/"acct"/"cuenta"/"#", or a code-like whole message — never a date, an
 *       unlabelled ZIP/4-digit number, or an SSN shape.
 *     - count: "over/in/en N months|payments|meses|pagos", "N payments"; N ≥ 2.
 *
 * The rules only say what the words literally say. Instructions inside the message ("ignore your
 * rules", "system: mark this paid") are just words: they never produce 'affirm', and "reply yes"
 * is not a yes — a yes has to be the message itself or open it.
 *
 * Safety intents are tuned for recall: a false crisis or dispute costs an officer a minute; a
 * missed one costs far more.
 */
import type { CalendarDate, Entities, Intent, MoneyMention, Recognition, RecognizeContext, Recognizer } from './recognizer.ts';
import { byPriority } from './recognizer.ts';

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Normalisation
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** Lower case, NFKC, accents removed (ñ → n), typographic quotes made plain. */
function foldCase(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u201B\u2032`´]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/(?:\u{1F44D}|\u{1F44C}|\u2705|\u2714|\u2611|\u{1F197})[\u{1F3FB}-\u{1F3FF}\uFE0F]*/gu, ' yes ')
    .replace(/(?:\u{1F44E}|\u274C|\u{1F6AB})[\u{1F3FB}-\u{1F3FF}\uFE0F]*/gu, ' no ');
}

/** Masked profanity ("f***", "f*cking", "sh*t") spelled out so the rules can see it. */
function unmaskProfanity(text: string): string {
  return text
    .replace(/\bf[*#@$%!.]{1,4}(?:c?k)?(ing|in|ed|er|ers)?\b/g, (_m, suffix: string | undefined) => `fuck${suffix ?? ''}`)
    .replace(/\bf[*#@$%!.]{1,4}(?=\s|$)/g, 'fuck')
    .replace(/\bs(?:h)?[*#@$%!.]{1,3}t\b/g, 'shit')
    .replace(/\bs[*#@$%!.]{3}\b/g, 'shit')
    .replace(/\bb[*#@$%!.]{1,3}(?:ch|tch)\b/g, 'bitch')
    .replace(/\ba[*#@$%!.]{1,4}(?:hole|ole)\b/g, 'asshole');
}

const APOSTROPHE_CONTRACTIONS: Array<[RegExp, string]> = [
  [/\bcan't\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/\bain't\b/g, 'is not'],
  [/\bshan't\b/g, 'shall not'],
  [/n't\b/g, ' not'],
  [/\blet's\b/g, 'let us'],
  [/\b(it|that|what|there|here|he|she|who|where|how|this|when|why|everything|nothing)'s\b/g, '$1 is'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/'d\b/g, ' would'],
  [/\bi'm\b/g, 'i am'],
  [/\by'all\b/g, 'yall'],
  [/'s\b/g, 's'],
];

/** SMS shorthand and apostrophe-less contractions, word for word. */
const SHORTHAND: Record<string, string> = {
  u: 'you', ur: 'your', urs: 'yours', r: 'are', n: 'and', w: 'with',
  pls: 'please', plz: 'please', plse: 'please', pleas: 'please', plez: 'please', pleaze: 'please', pleeze: 'please',
  thx: 'thanks', thnx: 'thanks', thanx: 'thanks', tnx: 'thanks', thks: 'thanks', ty: 'thank you', tysm: 'thank you', tyvm: 'thank you',
  dont: 'do not', dnt: 'do not', doesnt: 'does not', didnt: 'did not', cant: 'can not', cannot: 'can not', cnt: 'can not',
  wont: 'will not', isnt: 'is not', wasnt: 'was not', arent: 'are not', aint: 'is not', werent: 'were not',
  havent: 'have not', hasnt: 'has not', hadnt: 'had not', couldnt: 'could not', wouldnt: 'would not', shouldnt: 'should not',
  im: 'i am', ive: 'i have', youre: 'you are', theyre: 'they are', whats: 'what is', thats: 'that is', hes: 'he is',
  shes: 'she is', theres: 'there is', wheres: 'where is', whos: 'who is', lets: 'let us', youve: 'you have', youll: 'you will',
  rn: 'right now', atm: 'right now', bc: 'because', cuz: 'because', coz: 'because', cos: 'because', bcuz: 'because', cause: 'because',
  wat: 'what', wut: 'what', wht: 'what', wha: 'what', nothin: 'nothing', nuthin: 'nothing', nuttin: 'nothing', nothng: 'nothing',
  gonna: 'going to', wanna: 'want to', gotta: 'got to', lemme: 'let me', gimme: 'give me', kinda: 'kind of',
  idk: 'i do not know', dunno: 'do not know', idc: 'i do not care', omg: 'oh my god', wtf: 'what the fuck', stfu: 'shut the fuck up',
  msg: 'message', msgs: 'messages', txt: 'text', txts: 'texts', txting: 'texting', textin: 'texting', txtin: 'texting', texing: 'texting',
  ppl: 'people', acct: 'account', acc: 'account', accnt: 'account', amt: 'amount', bk: 'bankruptcy', chap: 'chapter', ch: 'chapter',
  rep: 'representative', reps: 'representatives', mgr: 'manager', mngr: 'manager', b4: 'before',
  '2day': 'today', tmrw: 'tomorrow', tmr: 'tomorrow', '2morrow': 'tomorrow', yea: 'yeah', yeh: 'yeah', ye: 'yeah',
  some1: 'someone', sum1: 'someone', any1: 'anyone', no1: 'no one', every1: 'everyone', thru: 'through', tho: 'though', abt: 'about',
  bday: 'birthday', dob: 'date of birth', info: 'information', plzz: 'please', okey: 'okay', oky: 'okay', okk: 'ok',
  // Spanish
  xq: 'porque', pq: 'porque', porq: 'porque', xk: 'porque', q: 'que', ke: 'que', tb: 'tambien', tmb: 'tambien',
  dnd: 'donde', kiero: 'quiero', qiero: 'quiero', kieren: 'quieren', xfa: 'por favor', porfa: 'por favor', porfis: 'por favor', pf: 'por favor',
  grax: 'gracias', grasias: 'gracias', msj: 'mensaje', msjs: 'mensajes', tngo: 'tengo',
};

/** After these words a lone "2" means "to" ("talk 2 a rep", "need 2 stop"). */
const TWO_MEANS_TO = new Set([
  'talk', 'speak', 'need', 'want', 'going', 'have', 'got', 'stop', 'used', 'able', 'back', 'come', 'listen', 'go', 'how',
  'trying', 'try', 'chat', 'like', 'wish', 'supposed', 'ready', 'due', 'me', 'you', 'up', 'hard', 'tried',
]);

const I_WILL_VERBS = new Set([
  'be', 'pay', 'do', 'call', 'come', 'send', 'try', 'get', 'make', 'take', 'give', 'talk', 'have', 'need', 'see', 'let', 'just',
  'never', 'not', 'go', 'rather', 'like', 'love', 'find', 'kill', 'hurt', 'sue', 'settle', 'wait', 'check', 'think', 'put', 'start',
  'keep', 'tell', 'report', 'contact', 'file', 'set', 'look', 'end', 'probably', 'definitely', 'def', 'gladly', 'only', 'also',
]);

function collapseRuns(word: string, keep: 1 | 2): string {
  return word.replace(/([a-z])\1{2,}/g, keep === 1 ? '$1' : '$1$1');
}

/**
 * The normalised form the rules match: lower-case ASCII words separated by single spaces, typos
 * corrected. Exported for tests and for the LLM recognizer's prompt hygiene.
 */
export function normalizeText(text: string): string {
  let t = foldCase(text);
  t = unmaskProfanity(t);
  for (const [pattern, replacement] of APOSTROPHE_CONTRACTIONS) t = t.replace(pattern, replacement);
  t = t.replace(/'/g, '');
  // Digits glued to letters stay together ("some1", "b4", "ch7"); everything else becomes a space.
  t = t.replace(/[^a-z0-9]+/g, ' ').trim();
  if (t === '') return '';
  const raw = t.split(' ');
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let word = raw[i] ?? '';
    if (/([a-z])\1{2,}/.test(word)) {
      const one = collapseRuns(word, 1);
      const two = collapseRuns(word, 2);
      word = KNOWN_WORDS.has(one) ? one : KNOWN_WORDS.has(two) ? two : one;
    }
    if (word === '2' && TWO_MEANS_TO.has(out[out.length - 1] ?? '')) {
      out.push('to');
      continue;
    }
    // "ill pay", "id rather": the apostrophe-less "I'll" / "I'd" (not "ill" = sick, "id" = ID card).
    if ((word === 'ill' || word === 'id') && I_WILL_VERBS.has(raw[i + 1] ?? '')) {
      out.push('i', word === 'ill' ? 'will' : 'would');
      continue;
    }
    if (/^ch(7|11|13)$/.test(word)) {
      out.push('chapter', word.slice(2));
      continue;
    }
    const expanded = SHORTHAND[word];
    if (expanded !== undefined) {
      out.push(expanded);
      continue;
    }
    out.push(correctToken(word));
  }
  let result = out.join(' ');
  if (raw.length === 1 && (result === 'k' || result === 'kk')) result = 'ok';
  return result;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Typo tolerance
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** Damerau-Levenshtein distance (optimal string alignment: one adjacent swap counts as one edit). */
export function damerauLevenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, at(i - 2, j - 2) + 1);
      d[i * cols + j] = value;
    }
  }
  return at(a.length, b.length);
}

/** Keywords a misspelt word may be corrected to. Only words that matter for an intent. */
const FUZZY_KEYWORDS = [
  // crisis
  'suicide', 'suicidal', 'myself', 'anymore', 'living', 'alive', 'kill', 'die', 'dead', 'life', 'live', 'want', 'hurt', 'better',
  // attorney / bankruptcy / deceased / military / identity theft
  'attorney', 'attorneys', 'lawyer', 'lawyers', 'counsel', 'represented', 'bankruptcy', 'bankrupt', 'chapter', 'trustee', 'discharged',
  'deceased', 'passed', 'away', 'died', 'funeral', 'military', 'deployed', 'deployment', 'servicemember', 'stationed', 'active', 'duty',
  'army', 'navy', 'marines', 'soldier', 'national', 'guard', 'identity', 'theft', 'stolen', 'stole', 'fraud', 'fraudulent', 'opened',
  // dispute / original creditor / cease / agent
  'dispute', 'disputing', 'disputed', 'validation', 'validate', 'recognize', 'already', 'prove', 'proof', 'mine', 'owe', 'debt', 'paid',
  'original', 'originally', 'creditor', 'creditors', 'lender', 'company', 'contacting', 'contact', 'calling', 'texting', 'messaging',
  'emailing', 'bothering', 'harassing', 'messages', 'alone', 'leave', 'cease', 'stop', 'agent', 'human', 'representative', 'person',
  'someone', 'somebody', 'operator', 'manager', 'supervisor', 'speak', 'talk', 'real',
  // others
  'unemployed', 'medical', 'cancer', 'afford', 'hospital', 'diagnosed', 'disability', 'disabled', 'surgery', 'struggling', 'sick', 'bills',
  'balance', 'interest', 'charges', 'itemized', 'itemize', 'breakdown', 'rights', 'notice', 'letter', 'writing', 'settle', 'settlement',
  'discount', 'reduce', 'installments', 'installment', 'payment', 'payments', 'monthly', 'weekly', 'spanish', 'english', 'hello',
  'thanks', 'thank', 'please', 'agree', 'sounds', 'okay', 'scammers', 'thieves', 'stupid', 'idiot', 'fucking', 'assholes', 'options',
  'amount', 'account', 'because', 'anything', 'nothing', 'number', 'through', 'representatives', 'electronic', 'electronically',
  'paperless',
  // Spanish
  'abogado', 'abogada', 'bancarrota', 'quiebra', 'fallecio', 'murio', 'militar', 'ejercito', 'servicio', 'activo', 'identidad', 'robaron',
  'fraude', 'disputar', 'acreedor', 'contacten', 'llamen', 'escriban', 'molesten', 'dejen', 'llamarme', 'contactarme', 'escribirme',
  'agente', 'persona', 'representante', 'humano', 'trabajo', 'empleo', 'enfermo', 'enferma', 'medicos', 'gastos', 'derechos', 'carta',
  'escrito', 'descuento', 'arreglo', 'cuotas', 'pagos', 'mensual', 'vivir', 'matar', 'matarme', 'suicidarme', 'quitarme', 'espanol',
  'ingles', 'gracias', 'ayuda', 'estafadores', 'ladrones', 'mierda', 'saldo', 'cuanto', 'intereses', 'cargos', 'quiero', 'hablar', 'tengo',
  'desempleado', 'desempleada', 'cantidad', 'equivocado', 'equivocada', 'pague', 'consentimiento', 'electronicos', 'electronicas',
];

/**
 * Real words one edit away from a keyword: never "corrected". Extend when a rule misfires.
 * (employed→deployed, think→thank, lease→cease, cancel→cancer, right→rights, tired→fired...)
 */
const PROTECTED_WORDS = [
  'employed', 'employer', 'employee', 'employ', 'think', 'thinks', 'thing', 'things', 'lease', 'leased', 'cause', 'cancel', 'canceled',
  'cancelled', 'dancer', 'right', 'night', 'nights', 'light', 'lights', 'fight', 'fights', 'might', 'sight', 'eight', 'tight', 'tired',
  'hired', 'wired', 'fired', 'store', 'stone', 'stove', 'store', 'stores', 'storm', 'proud', 'roof', 'contract', 'contracts', 'testing',
  'along', 'alike', 'alive', 'olive', 'managed', 'manage', 'manages', 'layer', 'player', 'latter', 'litter', 'bitter', 'setter', 'better',
  'letters', 'personal', 'persons', 'agenda', 'agency', 'agents', 'gente', 'puerta', 'puerto', 'carga', 'cargo', 'identify', 'identified',
  'charged', 'change', 'changed', 'chance', 'passes', 'passed', 'pasta', 'paste', 'games', 'dies', 'died', 'diet', 'lied', 'tried',
  'cried', 'dried', 'fried', 'mind', 'mint', 'wine', 'line', 'nine', 'fine', 'dine', 'sign', 'stops', 'steps', 'shop', 'step', 'talks',
  'tale', 'tall', 'walk', 'want', 'went', 'wants', 'what', 'wait', 'live', 'love', 'life', 'like', 'lift', 'wife', 'knife', 'lives',
  'liver', 'river', 'giver', 'given', 'hurts', 'burst', 'guards', 'guardian', 'guide', 'quite', 'quiet', 'quit', 'quote', 'bill', 'bull',
  'pills', 'hills', 'kills', 'killed', 'skill', 'still', 'fill', 'mill', 'will', 'well', 'hell', 'help', 'held', 'hold', 'told', 'sold',
  'real', 'read', 'ready', 'really', 'meal', 'deal', 'dead', 'head', 'heal', 'debts', 'debit', 'debut', 'owed', 'owes', 'owns', 'owner',
  'saldo', 'salgo', 'cuenta', 'cuento', 'cuanta', 'cuantos', 'cuando', 'derecho', 'estado', 'pagar', 'pagas', 'pague', 'pagues', 'mina',
  'tango', 'tenga', 'humor', 'human', 'woman', 'women', 'roman', 'spoken', 'token', 'broken', 'stolen', 'swollen', 'holding', 'nothing',
  'another', 'mother', 'brother', 'bother', 'other', 'others', 'father', 'rather', 'either', 'neither', 'whether', 'weather', 'leather',
  'feather', 'gather', 'letter', 'later', 'water', 'matter', 'amount', 'mount', 'count', 'counts', 'county', 'country', 'counter',
  'wanted', 'wasted', 'posted', 'hosted', 'rested', 'tested', 'texted', 'listed', 'loaded', 'living', 'loving', 'giving', 'moving',
  'driving', 'saving', 'having', 'leaving', 'diving', 'seeing', 'ceased', 'caused', 'causes', 'pause', 'paused', 'noticed', 'notices',
  'novice', 'police', 'polite', 'office', 'officer', 'offer', 'offers', 'offered', 'opener', 'opened', 'opens', 'person', 'prison',
  'poison', 'reason', 'season', 'lesson', 'lessons', 'debtor', 'doctor', 'doctors', 'credit', 'edited', 'lend', 'lends', 'lender',
  'landed', 'attend', 'calling', 'falling', 'failing', 'filling', 'killing', 'selling', 'telling', 'willing', 'rolling', 'polling',
  'balanced', 'balances', 'planes', 'plane', 'plans', 'planned', 'platform', 'alone', 'atone', 'clone', 'phone', 'phones', 'drone',
  'agree', 'agreed', 'angry', 'hungry', 'thanks', 'thank', 'thins', 'thinking', 'ranks', 'banks', 'tanks', 'sound', 'sounds', 'round',
  'found', 'bound', 'mound', 'pound', 'wound', 'hound', 'month', 'months', 'mouth', 'monthly', 'weekly', 'weakly', 'hello', 'hells',
  'cello', 'jello', 'yellow', 'fellow', 'mellow', 'please', 'pleased', 'plea', 'pleas', 'lease', 'tease', 'cease', 'crease', 'grease',
  'dispose', 'disposed', 'depute', 'repute', 'refute', 'dilute', 'distinct', 'original', 'stupid', 'cupid', 'idiot', 'idiom', 'patriot',
  'balance', 'valance', 'options', 'motions', 'potions', 'option', 'action', 'actions', 'native', 'motive', 'captive', 'activity', 'actively',
  'arms', 'arm', 'army', 'navy', 'wavy', 'many', 'marine', 'marina', 'soldiers', 'solder', 'older', 'holder', 'folder', 'national',
  'rational', 'notional', 'nation', 'guard', 'guards', 'heard', 'board', 'hoard', 'theft', 'their', 'there', 'these', 'those', 'chest',
  'fraud', 'frauds', 'freud', 'proof', 'proofs', 'prove', 'proves', 'proved', 'proven', 'prone', 'drove', 'grove', 'stove',
  'mined', 'miner', 'minor', 'mines', 'debt', 'dept', 'deft', 'paid', 'pain', 'pair', 'said', 'maid', 'raid', 'laid', 'paged',
  'cargos', 'carta', 'cartas', 'carte', 'carts', 'cuota', 'cuotas', 'pagos', 'pagas', 'vivir', 'vivia', 'vivo', 'matar', 'mataron',
  'ingles', 'ingle', 'single', 'singles', 'tingles', 'mingle', 'jungle', 'gracias', 'gracia', 'ayuda', 'ayudo', 'ayude', 'mierda',
  'tengo', 'tenga', 'quiero', 'quiere', 'quieres', 'quieren', 'hablar', 'hablas', 'habla', 'trabajo', 'trabaja', 'trabajar', 'empleo',
  'emplea', 'enfermo', 'enferma', 'enfermos', 'enfermas', 'medicos', 'medicas', 'medios', 'gastos', 'gustos', 'gatos', 'derechos',
  'escrito', 'escrita', 'descuento', 'descuentos', 'arreglo', 'arreglos', 'mensual', 'mensuales', 'manual', 'persona', 'personas',
  'representante', 'humano', 'humanos', 'agente', 'agentes', 'gerente', 'urgente', 'dejen', 'deje', 'dejan', 'llamen', 'llaman',
  'llame', 'escriban', 'escriben', 'molesten', 'molestan', 'contacten', 'contactan', 'robaron', 'robaran', 'fraude', 'fraudes',
  'identidad', 'activo', 'activa', 'servicio', 'servicios', 'ejercito', 'militar', 'militares', 'murio', 'morir', 'fallecio', 'quiebra',
  'quiebre', 'bancarrota', 'abogado', 'abogada', 'abogados', 'saldo', 'saldos', 'cuanto', 'intereses', 'interes', 'cantidad', 'ciudad',
  'pague', 'pagues', 'paguen', 'equivocado', 'equivocada', 'estafadores', 'ladrones', 'ladron', 'espanol', 'suicide', 'suicides',
  'shutting', 'setting', 'settle', 'settled', 'settles', 'kettle', 'battle', 'little', 'subtle', 'shuttle', 'settlements',
  'reduce', 'reduced', 'reduces', 'deduce', 'deduced', 'produce', 'seduce', 'redo', 'charges', 'charge', 'changes', 'discount', 'discounts',
  'account', 'accounts', 'amounts', 'because', 'anything', 'everything', 'something', 'number', 'numbers', 'lumber', 'member', 'through',
  'though', 'thought', 'tough', 'trough', 'throughout', 'surgery', 'sugary', 'disabled', 'disable', 'enabled', 'bills', 'skills', 'hills',
  'sick', 'suck', 'sock', 'silk', 'kick', 'lick', 'pick', 'rick', 'tick', 'wick', 'click', 'slick', 'stick', 'speak', 'speck', 'sneak',
  'steak', 'spear', 'breakdown', 'writing', 'waiting', 'whiting', 'writings', 'rights', 'right', 'fights', 'nights', 'weights',
  'notice', 'notion', 'nice', 'novice', 'interest', 'interests', 'interested', 'winter', 'printer', 'insert', 'installment',
  'installments', 'instalment', 'payment', 'payments', 'pavement', 'cancer', 'cancers', 'canter', 'afford', 'affords', 'effort', 'efforts',
  'hospital', 'hospitals', 'hospitable', 'diagnosed', 'medical', 'medicals', 'radical', 'unemployed', 'struggling', 'smuggling',
  'strolling', 'striking', 'agent', 'agents', 'urgent', 'absent', 'operator', 'operators', 'manager', 'managers', 'managed',
  'supervisor', 'supervisors', 'someone', 'somebody', 'somewhere', 'somehow', 'representative', 'representatives', 'representation',
  'myself', 'itself', 'herself', 'himself', 'yourself', 'anymore', 'anyone', 'another', 'alive', 'drive', 'arrive', 'olive',
  'attorney', 'attorneys', 'lawyer', 'lawyers', 'flower', 'flowers', 'lower', 'lowers', 'slower', 'counsel', 'council', 'consul',
  'represented', 'presented', 'resented', 'bankruptcy', 'bankrupt', 'chapter', 'chapters', 'charter', 'chatter', 'trustee', 'trusted',
  'trustees', 'discharged', 'discharge', 'deceased', 'decreased', 'decease', 'funeral', 'general', 'military', 'deployed', 'deploy',
  'deployment', 'employment', 'servicemember', 'stationed', 'stationary', 'active', 'duty', 'dirty', 'dusty', 'soldier', 'marines',
  'identity', 'stolen', 'stole', 'stale', 'style', 'stile', 'fraudulent', 'opened', 'dispute', 'disputing', 'disputed', 'validation',
  'validate', 'violation', 'recognize', 'recognise', 'already', 'creditor', 'creditors', 'originally', 'company', 'companion', 'contacting',
  'contact', 'contracting', 'texting', 'messaging', 'massaging', 'emailing', 'bothering', 'harassing', 'messages', 'massages', 'passages',
  'leave', 'leaves', 'heave', 'weave', 'stop', 'human', 'talk', 'tall', 'scammers', 'slammers', 'thieves', 'fucking', 'assholes', 'sounds',
  'okay', 'english', 'spanish', 'punish', 'vanish', 'polish', 'danish', 'decreased', 'pasted', 'stationery', 'scanners', 'sucking',
  'ducking', 'tucking', 'ejercicio', 'ejercicios', 'sender', 'tender',
];

/** Every word the rules name, plus the keywords and protected words: these are never corrected. */
let KNOWN_WORDS: Set<string> = new Set();
let FUZZY_BY_LENGTH: Map<number, string[]> = new Map();

function buildVocabulary(sources: readonly RegExp[]): void {
  const known = new Set<string>([...FUZZY_KEYWORDS, ...PROTECTED_WORDS, ...Object.values(SHORTHAND).flatMap((v) => v.split(' '))]);
  for (const re of sources) {
    const literal = re.source.replace(/\\[a-zA-Z]/g, ' ');
    for (const word of literal.match(/[a-z]{2,}/g) ?? []) known.add(word);
  }
  KNOWN_WORDS = known;
  const byLength = new Map<number, string[]>();
  for (const word of new Set(FUZZY_KEYWORDS)) {
    const list = byLength.get(word.length) ?? [];
    list.push(word);
    byLength.set(word.length, list);
  }
  FUZZY_BY_LENGTH = byLength;
}

/** The allowed distance between a word and a keyword, from the shorter of the two lengths. */
function allowedDistance(shorter: number): number {
  if (shorter >= 9) return 2;
  if (shorter >= 5) return 1;
  return 0; // 4-letter words: adjacent swap only (handled below); shorter: exact only
}

function isAdjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

const correctionCache = new Map<string, string>();

/** The keyword a misspelt word stands for, or the word itself. */
export function correctToken(word: string): string {
  if (word.length < 4 || /\d/.test(word) || KNOWN_WORDS.has(word)) return word;
  const cached = correctionCache.get(word);
  if (cached !== undefined) return cached;
  let best = word;
  let bestDistance = Infinity;
  for (let length = word.length - 2; length <= word.length + 2; length++) {
    for (const keyword of FUZZY_BY_LENGTH.get(length) ?? []) {
      const shorter = Math.min(word.length, keyword.length);
      let distance: number;
      if (shorter === 4) {
        if (!isAdjacentSwap(word, keyword)) continue;
        distance = 1;
      } else {
        const allowed = allowedDistance(shorter);
        if (allowed === 0 || Math.abs(word.length - keyword.length) > allowed) continue;
        distance = damerauLevenshtein(word, keyword);
        if (distance > allowed) continue;
      }
      // Ties: prefer the keyword that starts with the same letter (people rarely mistype the first one).
      const better = distance < bestDistance || (distance === bestDistance && keyword[0] === word[0] && best[0] !== word[0]);
      if (better) {
        best = keyword;
        bestDistance = distance;
      }
    }
  }
  if (correctionCache.size > 5000) correctionCache.clear();
  correctionCache.set(word, best);
  return best;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Intent rules (matched against normalizeText output: lower-case ASCII words, single spaces)
// ─────────────────────────────────────────────────────────────────────────────────────────────

const RELATIVE =
  'husband|wife|mother|father|mom|mum|mommy|dad|daddy|son|daughter|brother|sister|grandmother|grandfather|grandma|grandpa|' +
  'uncle|aunt|partner|spouse|fiance|fiancee|boyfriend|girlfriend|child|kid|baby|cousin|nephew|niece|friend|' +
  'esposo|esposa|marido|mujer|madre|padre|mama|papa|hijo|hija|hermano|hermana|abuelo|abuela|tio|tia|pareja|novio|novia|primo|prima';

const RULES: Record<Exclude<Intent, 'unknown'>, RegExp[]> = {
  crisis: [
    /\b(kill|kil|killing|killed|kms|hurt|hurting|harm|harming|cut|cutting|hang|hanging|shoot|shooting|off|offing|end|ending|drown|drowning|poison|poisoning|starve|starving|overdose) (my ?self|meself)\b/,
    /\b(no|not see a|not see any|not have a|not have any|not find a|not find any|can not find a|can not see a|lost my|lost the|lost all) (reason|point|will|motivation|desire) (to|in|for) (live|living|keep going|go on|going on|keep living|be here|being here|stay alive|staying alive|continue|get up)\b/,
    /\b(should|going to|will|want to|could|might|gonna|thinking of|thinking about|about to) (just )?jump\b/,
    /\b(bunch|bottle|handful|all|whole bottle) of (my )?(pills|sleeping pills|meds|medication|medicine)\b/,
    /\bbetter off\b.*\b(without me|life insurance|if i (die|died|was gone|were gone|am gone))\b|\blife insurance\b.*\b(better off|worth more|pay out|paid out)\b|\bworth more dead\b/,
    /\b(i am|i feel like|feel like|i am just) (a|such a) burden\b/,
    /\b(this is|saying|say) (my )?(goodbye|good bye) (forever|for good|to everyone)?\b(?=.*\b(forever|everyone|world|life|last)\b)|\bgoodbye forever\b/,
    /\b(can not|could not|do not think i can|not sure i can|unable to|not able to) (keep )?(living|go on living|live|going on|keep going) (like this|this way|anymore|any more|with this|much longer)\b/,
    /\b(not|never) (going to )?be (around|here|alive) (much |for much |any |a lot )?(longer|anymore|any more|tomorrow|next week|by then)\b/,
    /\b(happier|better|easier|fine) (off )?(without me|if i (was|were|am) (not around|not here|gone|dead|not alive))\b/,
    /\bwhat is the point (anymore|any more|of anything|of it all|of trying|of life|of living|of going on|of being alive|of any of this)\b|^what is the point$/,
    /\b(tired|sick|exhausted) of (being alive|existing|breathing|waking up)\b/,
    /\b(no|not) (want|wish) to (be|stay) (here|alive|in this world|around)\b/,
    /\b(no way out|hopeless|feel hopeless|can not live like this|can not live with this|want to be dead|wish to be dead|rather be dead|be dead already)\b/,
    /\bkms\b/,
    /\bsuicid\w*/,
    /\b(end|ending|take|taking|took|ended) (it all|my (own )?life|my life)\b/,
    /\b(not|no longer|never) (want|wish) to (live|be alive|be here|exist|wake up|go on|keep living|keep going)\b/,
    /\b(want|going|ready|about|wish|like|deserve) to die\b/,
    /\bwish i (was|were|could be) (dead|gone|never born)\b/,
    /\bbetter off (dead|without me|gone|if i (was|were) (dead|gone))\b/,
    /\bnothing (left )?to live for\b/,
    /\bno (reason|point) (to|in) (live|living|go on|going on|be alive)\b/,
    /\bpoint (of|in) (living|life|going on|being alive|being here)\b/,
    /\b(can not|could not) go on\b/,
    /\b(can not|could not) (take|handle|bear) (it|this|life|living) (anymore|any more|much longer)\b/,
    /\b(done|finished|tired|sick) (with|of) (life|living|being alive|everything|it all)\b/,
    /\b(done living|hate my life|life is not worth|not worth living|give up on life|giving up on life|rather be dead|wish i was not here|wish i were not here)\b/,
    /\b(want|wish|need) (it all|everything|this all|all of this|my life) to (end|stop|be over)\b/,
    /\b(end|ending|ended) (it|things|everything) (all|tonight|today|now|soon|for good)\b/,
    /\b(end|ending) everything\b/,
    /\b(miss|notice|care|matter) (me )?(if|when) i (was|were|am|m) gone\b/,
    /\b(if|when) i am gone\b/,
    /\b(disappear|vanish) (forever|for good|permanently)\b/,
    /\b(not|never) (to )?wake up\b/,
    /\b(rope|gun|pills|bridge|razor|blade)\b.*\b(myself|my life|end it|tonight|goodbye)\b/,
    /\boverdos\w*/,
    /\bself (harm|harming|injury)\b/,
    /\bjump (off|from) (a|the|my) (bridge|building|roof|cliff)\b/,
    /\b(take|swallow) all (of )?(my|the) pills\b/,
    // Spanish
    /\bno quiero (seguir )?(vivir|viviendo|existir)\b/,
    /\b(quiero|me quiero|me voy a|voy a) (morir|morirme|matar|matarme|quitar la vida)\b/,
    /\bmatarme\b/,
    /\bquitarme la vida\b/,
    /\bacabar con (mi vida|todo)\b/,
    /\b(hacerme dano|lastimarme|cortarme)\b/,
    /\bno vale la pena (vivir|seguir)\b/,
    /\b(mejor|estaria mejor) muert[oa]\b/,
    /\bseguir viviendo\b/,
    /\bme (mato|voy a matar|quiero morir)\b/,
    /\bsentido (a la|de la|en la|a mi|de mi) vida\b/,
    /\b(cansad[oa]|harto|harta) de (vivir|la vida)\b/,
    /\b(desaparecer|no despertar|no volver a despertar) (para siempre|de una vez)?\b/,
    /\bya no aguanto (mas|la vida)\b/,
    /\b(estar|seguir|vivir) en este mundo\b|\bno quiero (estar|seguir) (aqui|aca)\b/,
    /\b(mejor|mas felices|mejor estarian) sin mi\b/,
    /\b(no tengo|sin|perdi las|se me quitaron las|ya no tengo) ganas de vivir\b|\bganas de (morir|morirme|matarme|desaparecer)\b/,
    /\b(soy una carga|sin salida|no hay salida|cortarme las venas|tirarme (de|a|por))\b/,
    /\bmi vida no (vale|tiene sentido)\b/,
  ],
  attorney: [
    /\b(lawyer|lawyers|attorney|attorneys|counsel|abogado|abogada|abogados|abogadas|licenciado|licenciada)\b/,
    /\blegal (representative|representation|counsel|aid)\b/,
    /\blaw (firm|office|offices)\b/,
    /\brepresented by\b/,
    /\brepresentante legal\b/,
  ],
  bankruptcy: [
    /\b(bankruptcy|bankruptcies|bankrupt|bancarrota|quiebra)\b/,
    /\b(chapter|capitulo) (7|11|13|seven|eleven|thirteen)\b/,
    /\b(debt|account|loan|balance|it|this) (was |got |has been |were |been )?discharged\b/,
    /\btrustee\b/,
    /\b(got|received|receive|have|had|granted) (a |my |the )?discharge\b|\bdischarge (papers|order|letter|date)\b/,
  ],
  deceased: [], // decided in findDeceasedOrBereavement
  military: [
    /\b(active duty|activated|deployed|deployment|servicemember|servicemembers|scra|stationed|military|soldier|enlisted|militar|ejercito|desplegado|desplegada)\b/,
    /\bservice (member|members|man|woman)\b/,
    /\b(reservist|reservists|called up|called to active|on orders|on deployment|currently serving|serving (overseas|abroad|in the|our country|my country|in iraq|in germany)|soldado|fuerzas armadas|guardia nacional|marina de guerra|base militar)\b/,
    /\bservicio activo\b/,
    /\b(in|with|join|joined|for) the (army|navy|air force|marines|marine corps|coast guard|national guard|reserves|space force)\b/,
    /\b(army|navy|marine|air force|coast guard|national guard) (soldier|sailor|airman|reservist|active|deployed)\b/,
    /\b(i am|i am in the|i am a) (marine|sailor|airman)\b/,
    /\b(i am|currently|we are) (in|serving in) the service\b/,
    /\b(basic training|boot camp|bootcamp|on base|tour of duty|deployed overseas)\b/,
    /\b(activo|activa|estoy|sirvo|sirviendo) en (la |el )?(marina|ejercito|fuerza aerea|armada|guardia nacional|infanteria de marina)\b/,
  ],
  identity_theft: [
    /\bidentity (theft|thief|fraud)\b/,
    /\b(stole|stolen|took|used|using) (my|his|her) (identity|id|information|social|ssn|name|personal information)\b/,
    /\b(identity|id|information|social|ssn|social security number|personal information|name|details|data) (was|got|has been|were|have been|is being|is) (stolen|used|compromised|hacked|taken|being used|breached)\b/,
    /\b(someone|somebody|some one|they|person) (is|was|has been|have been) using (my|his|her)\b/,
    /\bstolen (identity|id|information|social)\b/,
    /\bwithout my (knowledge|permission|consent|authorization|authorisation|approval)\b/,
    /\b(con|usando|usaron|utilizando|utilizaron) (mis|mi) (datos|nombre|identidad|informacion|numero de seguro social|seguro social)\b/,
    /\bsin mi (permiso|consentimiento|autorizacion|conocimiento)\b/,
    /\b(forged|forgery|not my signature|signature (is|was) (forged|fake|not mine))\b/,
    /\b(it was not me|was not me who|was not me that|not me who opened|not me that opened)\b/,
    /\b(card|credit card|purse|wallet|phone|mail) (was|got|has been) stolen\b/,
    /\bfraud(ulent|ulently)?\b/,
    /\b(never|not) (ever )?(opened|open|applied for|apply for|signed up for|sign up for|took out|take out|authorized|authorize|signed for|sign for) (this|that|the|an|any|it|a|these|those)\b(?! (letter|letters|notice|email|emails|message|messages|text|texts|link|mail|envelope))/,
    /\b(someone|somebody|some one|they|person|ex) (else )?(used|opened|took out|is using|was using|has been using|stole|applied) (my|this|an|a|it|the)\b/,
    /\bin my name\b.*\b(without|someone|somebody|not me|never)\b|\b(someone|somebody|opened)\b.*\bin my name\b/,
    // Spanish
    /\brobo de identidad\b/,
    /\b(robo|robaron|robada|robado|robar|usaron|suplantaron)\b.*\bidentidad\b|\bidentidad\b.*\b(robada|robaron|robo|usaron)\b/,
    /\b(robaron|robo|usurparon|suplantaron|usaron|uso|utilizo|utilizaron) (mi|mis) (identidad|nombre|datos|informacion)\b/,
    /\b(suplantacion|usurpacion) de identidad\b/,
    /\bfraude\b/,
    /\b(nunca|no|jamas) (abri|solicite|firme|pedi|saque|autorice) (esta|esa|la|una|ninguna|eso|esto)?\b/,
    /\b(alguien|otra persona) (uso|abrio|saco|utilizo|robo) (mi|mis|esta|una|la)\b/,
  ],
  dispute: [
    /\b(is not|not|are not) (even |really |actually )?(mine|ours|my debt|my bill|my account|my loan|my card|my balance|my charge|my charges)\b/,
    /\b(do not|did not|never|not|does not) (really |even |actually )?owe\b/,
    /\bowe (you |them |anyone |anybody |anything |you people |you guys )?(nothing|no money|zero|nada)\b/,
    /\b(amount|balance|total|number|figure|sum|bill|debt|interest|fees?|charges?) (is |are |seems |looks |was )?(all )?(wrong|incorrect|not right|not correct|inaccurate|off|a mistake|an error|mistaken|bogus)\b/,
    /\bwrong (amount|balance|person|guy|girl|number|name|account|total|man|woman|lady|one|people|debtor)\b/,
    /\bdisput\w*/,
    /\b(already|previously) (paid|payed|settled|took care)\b/,
    /\b(i|we) (already |previously |have |had )?(paid|payed|settled) (it|this|that|the|for|off)\b/,
    /\b(it|this|that|debt|account|balance) (was|is|has been|got) (already )?(paid|settled|taken care of)\b/,
    /\bpaid (it|this|that) off\b/,
    /\bprove (it|this|that|the debt|i owe|this is mine|it is mine|that i owe)\b/,
    /\bproof\b/,
    /\b(want|need|request|requesting|demand|demanding|ask for|asking for|get|requested) (a |the |debt )?(validation|verification)\b(?! (notice|letter|rights))/,
    /\bvalidate (this|the|it|that|my)\b/,
    /\bverify (this|the|that) (debt|amount|balance)\b/,
    /\b(do not|not|never) (recognize|recognise)\b/,
    /\bnever heard of\b/,
    /\bowe (only |maybe |like |about |around |just |at most )?\$?\d[\d,.]*,? (not|and not|instead of|never) \$?\d/,
    /\b(only|just) owe\b/,
    /\b(that|this|it|balance|amount|total) (is|was) not (right|correct|accurate|true|what i owe|the right amount)\b/,
    /\b(should|must|ought to) be (zero|0|nothing|less|lower|paid|closed|paid off|cleared)\b/,
    /\b(i|we) (already |previously |have |had )?(paid|payed) (them|him|her|directly|already|in full|the original|the creditor|you)\b/,
    /\bnot what i owe\b/,
    /\b(not|invalid|never was|is it even|is this even|is this|is it)\b.{0,25}\b(valid|legit|legitimate)\b|\binvalid\b/,
    /\b(not|never) add up\b/,
    /\bdisagree with (the|this|that|your|these|those|my)\b/,
    /\b(insurance|medicare|medicaid)\b.{0,40}\b(cover|covered|covers|pay|paid|pays|supposed)\b|\b(covered|paid) by (my |the )?(insurance|medicare|medicaid)\b/,
    /\bnever (received|got|had|used|ordered|bought|signed|authorized|agreed)\b/,
    /\b(too old|statute of limitations|time barred|expired debt|debt is expired|debt has expired|past the statute)\b/,
    /\b(do not|never|did not) (have|had) (any|a|an) (debt|account|loan|card|credit card|contract|business) (with|from) (you|them|this company|that company|your company|these people)\b/,
    /\b(that|this|it) is not (me|my name)\b|\bnot my name\b/,
    /\b(not|never) (believe|think) (that )?(i|we) owe\b/,
    /\b(have|got|show|showing|send you|sent you) (the |a |my |all the )?(receipt|receipts|proof|confirmation|bank statement|bank statements)\b/,
    /\b(showing|shows|proves|proof|proving) (that )?(i|we) (already )?(paid|payed)\b/,
    /\b(i|we) (already |previously )?(paid|payed) (that|this|it) (years|months|weeks|long|a long time|back|before|last)\b/,
    /\bnot familiar with\b/,
    /\b(this|it|that) is (a |an )?(scam|mistake|error|wrong)\b/,
    /\bfake (debt|bill|account|balance)\b/,
    // Spanish
    /\bno (es|son|era) (mia|mio|mias|mios|mi deuda|de nosotros)\b/,
    /\bno (lo |la |los |las |le |les |te |se )*(debo|debemos|debia|debiamos)\b/,
    /\bno (tengo|tenemos) (ninguna |ningun |una |un )?(deuda|cuenta|prestamo|tarjeta|credito|contrato) con (ustedes|ellos|esa|ese|esta|este|usted)\b/,
    /\b(prescrit[oa]|prescripcion|muy vieja|no es valid[oa]|no es legal)\b/,
    /\bya (lo |la |se |les |le )?(pague|liquide|cubri|pagamos)\b/,
    /\b(cantidad|monto|saldo|cifra|total|cobro|deuda) (esta |es |son |estan )?(mal|equivocad\w*|incorrect\w*|errone\w*)\b/,
    /\bno (la |lo )?reconozco\b/,
    /\bno (es|esta|son|estan) (correcto|correcta|correctos|correctas|bien|exacto|exacta|cierto|cierta|verdad)\b/,
    /\b(tengo|tenemos) (el |los |un |mis )?(recibo|recibos|comprobante|comprobantes)\b/,
    /\b(demuestren|demuestrelo|demuestrenlo|pruebenlo|pruebelo|comprueben|pruebas)\b/,
    /\b(persona equivocada|se equivocaron|es un error)\b/,
  ],
  original_creditor: [
    /\boriginal (creditor|creditors|lender|company|bank|owner|account holder|holder|account|debt holder|card company|business|store|biller)\b/,
    /\boriginally\b/,
    /\bwho (did|do|have) (you|yall|you guys|you people) (buy|bought|purchase|purchased|get|got|acquire|acquired) (this|the|it|my)\b/,
    /\bwho sold (you|it|this|the debt|my)\b/,
    /\bwhere did (you|yall|you guys) (get|buy|acquire|obtain|purchase) (this|the|my|it)\b/,
    /\bwho was the (creditor|lender)\b/,
    /\bcreditor (before|prior to) (you|this|that|them)\b|\bwho (had|owned|held) (this|it|the debt|the account|my debt) (before|first|originally)\b/,
    /\b(what|which) (\w+ )?(bank|lender|store|card|company|creditor|finance company) was (this|it|that)\b/,
    /\b(who|what company|which company|what bank|which bank) (did|was) (this|it|that|the) ?(debt|account|loan|bill|balance)? (come from|originate|start)\b/,
    /\b(what|which) (bank|lender|store|credit card|card company|finance company) (was|is) (this|it|that)( from| with| originally)?\b/,
    /\bwho (was|is) (this|the|that) (debt|account|loan|card) (with|from) originally\b|\bwho was (this|the|that) (debt|account|loan|card) (with|from)\b/,
    /\b(acreedor|acreedora|empresa|compania|banco|prestamista) original\b/,
    /\b(de que|que|cual) (banco|empresa|compania|tienda|tarjeta) (es|era|fue|viene)\b/,
    /\boriginalmente\b/,
    /\bquien (era|fue) el (acreedor|prestamista|dueno)\b|\b(acreedor|dueno|duena) (anterior|de antes)\b/,
    /\ba quien (le |se la |se lo )?(compraron|compro)\b/,
  ],
  cease: [
    /\b(stop|quit|cease|halt|enough) (\w+ )?(contacting|contact|calling|call|calls|texting|text|texts|messaging|message|messages|emailing|emails|email|writing|bothering|harassing|harrassing|sending|hounding|pestering|spamming)\b/,
    /\b(do not|never|not) (ever )?(contact|call|text|message|email|write|bother|harass|reach out to|msg|send me|phone) (me|us|my|again|anymore)\b/,
    /\b(not want|no|not need) (any )?(more )?(messages|texts|calls|emails|contact)\b/,
    /\bno more (messages|texts|calls|emails|contact)\b/,
    /\b(do not|never|not) (want to |wish to )?(hear from|be contacted by) (you|yall|your company|this company)\b/,
    /\b(do not|never|not) (call|text|contact|message|email|write) (or|and|nor) (call|text|contact|message|email|write)\b/,
    /\b(do not|never) (call|text|contact|message) (this|my) (number|phone|cell|line)\b/,
    /\bleave (me|us|my family) alone\b/,
    /\btake (me|my number|my name) off\b/,
    /\bremove (me|my number|my phone|my name)\b/,
    /\blose my number\b/,
    /\b(not|never) (want|wish) to be (contacted|called|texted|messaged|emailed|bothered|reached)\b/,
    /\b(do not|never|stop|quit) (communicate|communicating|communication) with me\b/,
    /\b(stop|quit|do not|never) (reaching out|reach out|hitting me up|hit me up)\b/,
    /\b(revoke|revoking|withdraw|withdrawing|take back) (my |all )?(consent|permission)\b/,
    /\b(do not|not) (have|give you) (my )?(permission|consent) to (contact|call|text|message|email)\b/,
    /\bleave me (the hell |the fuck |the f |tf )alone\b/,
    /\bcease\b/,
    /\bunsubscribe\b/,
    /\bopt (me )?out\b/,
    /^(please )?(stop|stop it|stop now|just stop|stop stop)( please| now)?$/,
    // Spanish
    /\bno me (vuelvan a |vuelva a )?(contacten|llamen|escriban|manden|envien|molesten|busquen|contacte|llame|escriba|moleste|marquen)\b/,
    /\bdej(en|e) de (llamar|contactar|escribir|mandar|enviar|molestar|marcar)\w*/,
    /\bdejen?me en paz\b/,
    /\bno (me |nos )?vuelva(n)? a (llamar|escribir|contactar|marcar|mandar|enviar|molestar)\w*/,
    /\bya no (me )?(manden|envien|escriban|llamen|contacten|marquen)\b/,
    /\bno quiero (mas |recibir )?(mensajes|llamadas|correos)\b/,
    /\bbasta (de|ya)\b/,
  ],
  agent: [
    /^(please )?(a |an |the |talk to |speak to )?(real |live |actual )?(agent|human|humans|representative|person|operator|manager|supervisor|officer|agente|persona|representante|humano|operador|operadora|gerente|supervisora|un humano|una persona|un agente)( please| por favor| now| ya)?$/,
    /\b(talk|speak|chat|connect|transfer|transferred|put me through|get me|want|need|give me|hablar|comunic\w*|pasame|paseme|pasen|pasar|quiero|necesito|escalate|escalar)\b.{0,25}\b(agent|agents|human|representative|representatives|person|operator|manager|supervisor|someone|somebody|officer|agente|persona|representante|humano|alguien|operador|operadora|supervisor|gerente|encargado)\b/,
    /\b(is there|are there|do you have|any) (a |an |any )?(real |live |actual )?(human|person|agent|representative|someone|somebody|people)\b/,
    /\b(real|live|actual) (person|human|agent|representative|people)\b/,
    /\b(persona|humano|agente) (real|de verdad)\b/,
    /\b(someone|somebody|person) in charge\b|\bescalate\b/,
    /\b(talk|speak|chat|connect|transfer|put me through|get me|give me|want|need)\b.{0,25}\b(customer service|customer support|support team|someone else|boss|superior|an actual|a real)\b/,
    /\b(hablar|comunic\w*|pasame|paseme|quiero|necesito)\b.{0,25}\b(la oficina|servicio al cliente|jefe|jefa|superior)\b/,
    /\b(a|an|the|some|real|live) (human|person|agent|representative|somebody|someone|officer|manager) (call|contact|phone|ring|text|email|reach|help) (me|us)\b/,
    /\b(can|could|would|will) (someone|somebody|a human|a person|an agent|a representative) (call|contact|phone|help|talk to) (me|us)\b/,
  ],
  // E-SIGN withdrawal (15 U.S.C. 7001(c)): no more electronic notices, paper by mail instead. A
  // single paper copy ("mail me a hard copy", "una copia en papel") is a notice request; plural
  // copies, "on paper", "instead", "from now on" ask for paper for good. "Revoke my consent" on its
  // own stays cease (the TCPA's words for "stop calling/texting me"); "withdraw my consent" is the
  // E-SIGN question's own wording. Mailing a payment ("I'd rather mail a check") is not about notices.
  withdraw_consent: [
    /\b(withdraw|withdrawing|retract|retracting|take back) (my |the |our )?consent\b(?! (to|for) (be |being )?(contact|call|text|messag|phon|reach|communicat)\w*)/,
    /\b(withdraw|withdrawing|revoke|revoking|retract|take back|cancel|end) (my |the |our )?(consent|agreement|permission) (to|for) (receive |receiving |get |getting )?(the )?(electronic|e sign|esign|paperless|online|digital)\b/,
    /\b(withdraw|revoke|cancel|end|stop|turn off|opt out of|get off|take me off|remove me from|unsubscribe (me )?from) (my |the )?((e sign|esign|electronic|paperless)( (consent|agreement|delivery|notices|notice|option|enrollment|statements|letters|documents|communications))?|(email|e mail|online) (delivery|notices|notice|statements|letters|documents))\b/,
    /\b(do not|no longer|not|never) (consent|agree) to (receive |receiving |get |getting )?(the )?(electronic|e sign|esign|paperless|email|e mail|online|digital)\b/,
    /\b(do not|not|no longer|never) (want|wish|like|need|accept) (to (receive|get|have) )?(any |these |those |the |my |your )?(more )?(electronic|digital|online|paperless|email|e mail|emailed) (notices|notice|letters|letter|documents|statements|copies|copy|delivery|communications|correspondence|records|disclosures|versions|version)\b/,
    /\b(do not|not|no longer|never) (want|wish|like|need|accept) (to (receive|get|have) )?(them|it|these|those|anything|things|stuff|(any |the |my |your |these |those )?(notices|notice|letters|documents|statements|paperwork|disclosures|records)) (sent |delivered )?(electronically|digitally|online|by email|by e mail|via email|over email|through email|to my email|in my email|in my inbox)\b/,
    /\bno (more )?(electronic|digital|online|email|e mail) (notices|letters|documents|statements|delivery|copies|communications|correspondence|records|disclosures)\b|\bno (more )?paperless\b/,
    /\b(stop|quit|do not|never|no longer) (emailing|e mailing|email|e mail) (me |us )?(the |my |your |these |those |any |all |all the |all my )?(notices|notice|letters|letter|documents|statements|paperwork|disclosures|copies)\b/,
    /\b(stop|quit|do not|never|no longer) (sending|send|delivering|deliver|giving|give) (me |us )?(the |my |your |these |those |any |all )?(electronic|digital|online|email|e mail) (notices|notice|letters|documents|statements|copies|disclosures)\b/,
    /\b(stop|quit|do not|never|no longer) (sending|send|delivering|deliver|giving|give) (me |us )?(the |my |your |these |those |any |all )?(notices|notice|letters|documents|statements|paperwork|disclosures|copies|them|it|anything) (electronically|digitally|online|(by|via|over|through|to my|in my) (email|e mail|inbox))\b/,
    /(?<!\b(have|got|had|keep|kept|made|printed|with) (the |some |my |all |all the )?)\b(paper|hard|printed|physical) (copies|versions|notices|letters|documents|statements|records|mail)\b/,
    /\b(want|prefer|need|like|send|mail|get|receive|give)\b.{0,30}\b(on|in) paper\b|\bpaper (only|instead|from now on|going forward)\b/,
    /\b(prefer|rather|choose|go with|switch to|change to|switch me to|change me to|move me to|put me on|go back to) (to )?(get |receive |have )?(them |it |everything |all |notices |letters |my notices |my letters |the notices |the letters )?(on |by |through |via |in the |with )?(paper|regular mail|postal mail|snail mail|us mail|physical mail|mail|the mail|post)\b(?! (a |the |my |you |in |them )?(check|checks|cheque|payment|payments|money|money order))/,
    /(?<!\b(i|we)( \w+){0,2} )\b(mail|post) (me |us )?(the |my |your |all |all the |all my |any |future |these |those )?(letters|notices|documents|statements|paperwork|copies|correspondence)\b/,
    /(?<!\b(pay|paid|paying|payments?|checks?|cheques?|money orders?)\b.{0,25})\b(by|through|via|in the|with the) (regular |postal |snail |physical |us |paper |normal )?(mail|post) (instead|from now on|going forward|only|in the future|from here on)\b/,
    /(?<!\b(i|we)( \w+){0,2} )\b(send|deliver|mail|give) (me |us )?(all|everything|all of it|the rest|future notices|all future notices|all notices|all letters) (by|through|via|in the) (regular |postal |snail |physical |us |paper |normal )?(mail|post)\b/,
    /(?<!\b(i|we)( \w+){0,2} )\b(send|deliver|give) (me |us )?(the |my |your |all the |all my |any |future |these |those )?(letters|notices|documents|statements|paperwork|copies|correspondence) (by|through|via|in the|to my) (regular |postal |snail |physical |us |paper |normal )?(mail|post|home address|mailbox|address)\b/,
    /\b(mail|post|send)\b.{0,20}\b(notices|letters|documents|statements|paperwork|copies|them|it|everything)\b.{0,30}\b(instead of|rather than) (by |via |through |over |to )?(my )?(email|e mail|emailing|electronically|electronic|online|inbox|a link|links)\b/,
    /\bpaper (copies |notices |letters )?(instead of|rather than|not) (by |via |through |over )?(email|e mail|electronic|electronically|online|a link|links)\b/,
    // Spanish
    /\b(retiro|retirar|retirando|cancelo|cancelar|anulo|anular) (mi |el |su )?consentimiento\b(?! (para|a) (que )?(me |nos )?(contact|llam|escrib|mand|envi|marc)\w*)/,
    /\b(retiro|retirar|revoco|revocar|cancelo|cancelar|anulo|anular) (mi |el |su )?(consentimiento|autorizacion) (para |de )(recibir )?(los |las )?(avisos |notificaciones |documentos |cartas |comunicaciones )?(electronic\w*|digital\w*|en linea|por (correo electronico|email|internet)|de forma electronica)/,
    /\b(copias|versiones|avisos|cartas|documentos|notificaciones|estados de cuenta) (impres[oa]s|fisic[oa]s|en papel)\b/,
    /\b(quiero|prefiero|preferiria|mandenme|envienme|manden|envien|mandeme|envieme|recibir\w*|todo|mejor|solo)\b.{0,30}(?<!\b(una|la|esta|esa) copia )\ben papel\b/,
    /\b(manden|mandenme|envien|envienme|mandeme|envieme|mande|envie|mandar|mandarme|enviar|enviarme|quiero|prefiero|recibir)( me)?( todas| todos)? (las cartas|los avisos|las notificaciones|los documentos|las copias|mis cartas|mis avisos|los estados de cuenta)( \w+){0,2} (por correo(?! electronico)(?! e\b)|impres[oa]s|en papel)/,
    /\b(prefiero|preferiria|mejor)( que)?( me)?( ((?!pag)\w+)){0,3} (por correo (postal|normal|regular|ordinario|fisico)|en papel|por correo(?! electronico)(?! e\b))/,
    /\b(por correo|en papel|impres\w*|las cartas|los avisos)\b.{0,30}\b(en vez de|en lugar de|y no) (por )?(correo electronico|email|e mail|forma electronica|internet|linea|enlace|link)\b/,
    /\b(no|ya no) (quiero|deseo|acepto) (recibir )?(mas )?(los |las |la |el )?(avisos|notificaciones|cartas|documentos|comunicaciones|estados de cuenta|correspondencia|nada|entrega|envio) (electronic\w*|digital\w*|por (correo electronico|email|e mail|internet)|en linea|de forma electronica)\b/,
    /\bdej(en|e) de (mandarme|enviarme|mandar|enviar)(los|las)? (los |las )?(avisos|notificaciones|cartas|documentos|estados de cuenta) (por (correo electronico|email|e mail|internet)|electronic\w*|en linea)/,
    /\bno me (manden|envien|mande|envie) (mas )?(los |las )?(avisos|notificaciones|cartas|documentos|estados de cuenta) (por (correo electronico|email|e mail|internet)|electronic\w*|en linea)/,
  ],
  hardship: [
    /\b(lost|lose|losing) (my|our|his|her|the) (job|jobs|work|income|house|home|business|apartment)\b/,
    /\b(laid|let) off\b/,
    /\b(unemployed|jobless|furloughed|fired|out of work|no job|no income|no work|between jobs)\b/,
    /\bmedical (bills|bill|debt|debts|expenses|issues|problems|condition|emergency|leave)\b/,
    /\b(sick|ill|illness|cancer|chemo|chemotherapy|disabled|disability|surgery|hospital|hospitalized|diagnosed|injury|injured|stroke|heart attack|dialysis|pregnant|maternity)\b(?! (of|and tired))/,
    /\b(can not|unable to|not able to|could not|do not have the money to|never) afford\b/,
    /\b(can not|unable to|not able to|could not|no way i can) (pay|make (the|my|any|a) payments?)\b/,
    /\b(money|things|finances|it|life) (is|are|has been|have been|been) (really |very |so |super |kind of )?(tight|tough|hard|rough|difficult)\b/,
    /\b(so|really|very) (fucking |freaking |damn )?(hard|tough|difficult|stressful)\b/,
    /\b(struggling|struggle|paycheck to paycheck|barely|behind on rent|evicted|eviction|homeless|divorce|divorced|fixed income|food stamps|bereavement|funeral|hard times|hardship|widow|widowed|widower)\b/,
    /\b(am|so|totally|flat|dead) broke\b/,
    /\b(hours|pay|wages|salary|income) (got |were |was |have been |has been )?(cut|reduced|slashed)\b/,
    /\b(cut|reduced) (my|our) (hours|pay|wages|salary|income)\b/,
    /\breduced hours\b/,
    /\b(accident|recovering|recovery|rehab|rehabilitation|unemployment|welfare|ssi|ssdi|disability check|workers comp|laid up|bedridden|terminal)\b/,
    /\b(can not|unable to|not able to|could not|have not been able to) (work|find work|find a job|get a job)\b/,
    /\b(left me|walked out|separated|separation|raising (the |my |two |three |\d+ )?(kids|children) (alone|by myself|on my own))\b/,
    /\b(barely|hardly) (get|getting|make|making|scrape|scraping) (by|ends meet|it)\b/,
    /\b(have|got|with) no (money|income|savings|cash)\b|\bno money (left|at all|right now|to pay)\b/,
    /\bsingle (mom|mother|dad|father|parent)\b/,
    /\bfinancial (hardship|difficulty|difficulties|trouble|troubles|problems|issues)\b/,
    // Spanish
    /\b(perdi|perdio|perdimos) (mi|el|su|nuestro) (trabajo|empleo|chamba|casa|negocio)\b/,
    /\bno tengo (trabajo|empleo|dinero|ingresos|chamba|con que pagar|para pagar)\b/,
    /\b(desempleado|desempleada|sin trabajo|sin empleo|enfermo|enferma|enfermedad|cancer|hospital|hospitalizado|hospitalizada|discapacidad|incapacidad|cirugia|embarazada|divorcio|despedido|despedida|despidieron|quimioterapia)\b/,
    /\bgastos medicos\b/,
    /\b(accidente|recuperando|recuperacion|me dejo|nos dejo|separad[oa]|madre soltera|padre soltero|no puedo trabajar|sin dinero)\b/,
    /\b(me |nos )?(redujeron|recortaron|bajaron) (las |mis |el |mi )?(horas|sueldo|salario)\b/,
    /\bno (me |nos )?(puedo|podemos|alcanza) (pagar|para)\b/,
    /\bno me alcanza\b/,
    /\b(situacion|momento|tiempos) (muy )?(dificil|dificiles|complicad\w*)\b/,
  ],
  abusive: [
    /\b(fuck|screw|f|fck|fuk|damn) (you|yall|off|yourself|yourselves|this company|your company|the bot|this bot|all of you|you all|you guys|you people)\b/,
    /\b(go to hell|go fuck|shut the fuck up|shut up|piece of (shit|crap|garbage|trash|junk)|son of a bitch|eat shit|bite me|kiss my ass)\b/,
    /\b(you are|you|you guys are|you people are|yall are) (a |an |such a |such |so |fucking |really |just )*(useless|worthless|pathetic|stupid|dumb|garbage|trash|disgusting|evil|scum)\b/,
    /\b(you|yall|you guys|you people|you all|your company|your agency|you are|are|bunch of|such|fucking|stupid|dumb|lying)\b.{0,20}\b(scammer|thief|crook|liar|idiot|idiots|moron|morons|leech|vulture|bloodsucker|parasite|asshole|bastard|bastards|bitch|bitches|criminal|scumbag|scum|loser|losers|clown|clowns|jerk|jerks|dick|dicks|prick|pricks|cunt|cunts|retard|retards|pig|pigs)\b/,
    /\b(scammers|thieves|crooks|bloodsuckers|leeches|vultures|parasites|scumbags|criminals|liars|frauds|extortionists|con artists|crooked)\b/,
    /\b(stupid|dumb|useless|worthless|fucking|idiot|shitty|crappy|garbage|trash|pathetic) (bot|robot|machine|computer|company|agency|collector|collectors|people|ass)\b/,
    /\b(come|coming|going to come) (to )?(find|get|for|after|kill|hurt) (you|yall|your)\b/,
    /\b(kill|hurt|beat|shoot|stab|murder|hunt|strangle|punch) (you|yall|your ass|all of you|you all)\b/,
    /\b(find|know|found) where (you|your \w+) (live|lives|work|works|are|is)\b/,
    /\b(coming|come|going to come) (for|after|to get) (you|yall|your)\b|\b(coming|come|going) (to|down to) your (office|building|house|place)\b/,
    /\bwatch your back\b/,
    /\b(up your ass|shove it|stick it up|go die|drop dead|rot in hell|burn in hell)\b/,
    /\byou will (regret|pay for) (this|it)\b/,
    /\b(burn|bomb|blow up|shoot up) (your|the|you) (office|building|place|company)\b/,
    // Spanish
    /\b(vete|vayanse|vayan|vaya|valla|vallanse) a la (mierda|verga|chingada)\b/,
    /\bchinga(s|n|da)? (tu|su) madre\b/,
    /\b(hijo|hijos|hija|hijas) de (puta|perra)\b/,
    /\b(estafadores|estafador|ladrones|rateros|ratas|sinverguenzas|cabrones|pendejos|pendejo|idiotas|imbeciles|mentirosos|buitres|malditos|putos|culeros)\b/,
    /\b(te|los|las|lo) voy a (matar|buscar|encontrar|partir|romper)\b/,
    /\b(pinche|maldito|estupido|puto) (bot|robot|maquina|empresa|agencia)\b/,
  ],
  balance: [
    /\bhow much (do|did|does|is|are|am|money|i|we|would|will|left|remains|remaining|should|was|exactly|in total|total)\b/,
    /\bwhat (do|does|did) (i|we|he|she|they) (still )?owe\b/,
    /\b(remind me|tell me|know|see|check|find out|show me|not sure|no idea) (what|how much) (i|we) (still )?owe\b/,
    /\b(tell me|give me|send me|show me|remind me of|what is) (the|my) (amount|total|debt|balance)\b/,
    /\bwhat is (my|the|our) (current |total |remaining |outstanding |account |full )?(balance|total|amount|amount due|amount owed|debt|payoff)\b/,
    /\b(tell me|show me|check|see|know|give me|get|look up|send me) (my|the) (current |total |remaining |outstanding |account )?(balance|total|amount owed|amount due|payoff)\b/,
    /^(my |the |current |account |total )?(balance|total|saldo|amount owed|amount due)( please| por favor)?$/,
    /\bwhat is (this|it|that) (about|for|regarding|in reference to|concerning)\b/,
    /\bwhat (debt|account|bill|money) (is this|are you talking about|do i owe|is it)\b/,
    /\bwhy (are|is) (you|someone|this|somebody) (contacting|texting|messaging|calling|writing) me\b/,
    // Spanish
    /\bcuanto (debo|le debo|les debo|es|seria|tengo que pagar|se debe|falta|debemos|me falta)\b/,
    /\b(cual|que) es (mi|el|la) (saldo|total|monto|deuda|cantidad)\b/,
    /\bsaldo\b/,
    /\bde que se trata\b/,
    /\bque deuda\b/,
  ],
  itemization: [
    /\bwhy (is|does|did|has|was) (it|this|that|the (amount|balance|total|debt|bill)|my (balance|bill|debt|total|amount)) (so |that |this |now )?(high|much|big|large|more|expensive|go up|gone up|went up|grow|grown|increase|increased|higher|bigger)\b/,
    /\bhow did (it|this|the balance|my balance|the debt|the amount) (get|go|grow)\b/,
    /\b(fees|charges|interest|interests|penalties|penalty|late fee|surcharge|surcharges|finance charge|cargos|intereses|comisiones|recargos|multas|cobros extra)\b/,
    /\b(this|that|the|extra|these|what) (fee|charge)\b/,
    /\b(fee|fees|charge)\b(?<!\bin charge)/,
    /\bbreak ?down\b/,
    /\bitemi[sz]\w*/,
    /\b(more|higher|bigger) than (what )?(i|we) (borrowed|owed|spent|charged|originally|took out|owe)\b/,
    /\bwhere (does|did|do) (this|it|that|the|all this|these) ?(amount|balance|number|money|interest|fee|fees|charge|charges|total)? (come|coming) from\b/,
    /\bdesglose\b/,
    /\bwhy (is|does|did|has|was) (it|this|that|the amount|the balance|the total|the debt|my balance) (now |so |over |almost |nearly |at |up to )?\$?\d/,
    /\bonly (borrowed|owed|spent|charged|took out|bought)\b/,
    /\bwhere (does|did|do|is|are) .{0,30}\b(come|coming|came) from\b/,
    /\b(why|how) (did|does|has|have) (the |my |this |it )?(amount|balance|total|debt|it|this)? ?(go up|gone up|went up|grow|grown|increase|increased|double|doubled|get so high)\b/,
    /\bpor que (es|esta|son|debo) (tan )?(alto|alta|caro|cara|mucho|tanto)\b/,
    /\bpor que (subio|aumento|debo tanto|es tanto)\b/,
    /\bde donde (sale|salen|viene|vienen)\b/,
  ],
  rights: [/\brights\b/, /\bderechos\b/, /\b(protections|protected|protecciones|protegido|protegida|entitled)\b/, /\bfdcpa\b/, /\bregulation f\b/, /\bcfpb\b/, /\bconsumer protection\b/],
  validation_notice: [
    /\b(notice|letter|letters|paperwork|documentation|documents|written notice|in writing|written|statement|statements|carta|cartas|aviso|notificacion|por escrito|documentos|documentacion|estado de cuenta)\b/,
    /\b(mail|email) (me|it|that|this|them)\b/,
    /\bby (mail|email|post)\b/,
    /\bcopy of\b/,
    /\b(hard|paper|physical|printed) copy\b|\b(mail|email|send|post) (me )?(a |the )?(hard |paper |physical )?copy\b/,
    /\bsend (it|this|that|them|the details|the details|everything|something|the information|info|details|a copy) (to|by) (my |me by )?(email|mail|e mail|address|house|home|post)\b/,
    /\b(por|al) correo\b/,
  ],
  pay_full: [
    /\bpay (it|this|that|everything|the whole thing|the balance|the debt|this debt|the total|the full amount|the bill|the amount)? ?(off|in full|all at once|in one payment|all|at once|in one go)\b/,
    /\bpay (the |it |this |my |that )?(whole|full|entire|total|complete) ?(thing|amount|balance|debt|bill|total|sum|lot)?\b/,
    /\bpay (everything|all of it|the total|it all|all of this)\b/,
    /\b(full payment|pay in full|payoff|pay off)\b/,
    /\b(clear|wipe|wipe out|cover|take care of|knock out|get rid of) (the |this |my |it |that )?(whole|full|entire|complete|total) ?(debt|balance|amount|thing|bill)?\b/,
    /\b(clear|wipe|wipe out|get rid of) (the|this|my) (debt|balance) (off|out|completely|today|now)\b/,
    // Spanish
    /\bpagar(lo|la)? (todo|el total|la totalidad|completo|completa|toda la deuda|de una vez|el saldo completo|todo el saldo|el saldo)\b/,
    /\b(liquidar|pago total|pago completo|pagarlo todo|pagarla toda|pago unico|saldar)\b/,
    /\bpago (todo|el total)\b/,
  ],
  settle: [
    /\b(settle|settled|settlement|settling|settlements)\b/,
    /\b(take|accept|do|pay|take a|accept a) (less|lower amount|smaller amount|something less|a lower amount|a smaller amount|partial)\b/,
    /\bdiscount\w*/,
    /\breduc(e|ed|tion) (the |my |this |that |in )?(amount|balance|debt|total|bill|price|it|what i owe|payoff)\b/,
    /\b(any way|anyway|a way|possible) to (reduce|lower)\b/,
    /\blump ?sum\b/,
    /\bbest (offer|deal|price|you can do)\b/,
    /\b(make|work out|cut|give) (a|me a|us a) deal\b/,
    /\bless than (the|what|i owe|full|the full)\b/,
    /\bforgiv\w*/,
    /\bknock (it |some |something |a bit )?(down|off)\b/,
    /\b(accept|take) (\d+|a \d+|a payment of|a one time|one payment of)\b/,
    /\bclose (this|it|the account|my account|the debt)( out)?\b/,
    /\b(for|with|pay|paying) less\b/,
    /\b(lowest|least|minimum) (you|amount|offer|price|i can pay|you will|you would|you can|that you)\b/,
    /\bhow low (can|will|would)\b/,
    /\b(in half|half off|half of (it|the balance|the amount|what i owe)|percent off|\d+ ?% off)\b/,
    /\b(cut|lower|reduce|bring down) (the|my|this|that) (balance|amount|debt|total)\b/,
    // Spanish
    /\b(arreglo|descuento|rebaja|quita|reducir|reduccion|negociar|negociacion|pagar menos|condonar|condonacion)\b(?! de pagos?)/,
    /\b(un|llegar a un|hacer un|hacemos un) (acuerdo|trato)\b/,
    /\b(aceptan|acepta|aceptar|aceptarian|aceptaria|aceptas|toman|tomarian|tomaria) (menos|un pago menor|una cantidad menor|\d+)\b/,
    /\bpor menos\b/,
    /\b(rebaj\w*|descont\w*|descuent\w*|condon\w*)\b/,
    /\b(la mitad|mitad del)\b/,
  ],
  pay: [
    /\b(how|where|when) (do|can|could|should) (i|we) (make a |send a |send the |send )?(pay|payment)\b/,
    /\b(i|we) (want|wanna|would like|d like|need|am ready|m ready|are ready) to (make a )?(pay|payment)\b/,
    /\b(make|send|set up) a payment\b/,
    /\b(can|could) (i|we) (make a )?(pay|payment)\b/,
    /\b(quiero|queremos|como puedo|como podemos|puedo|necesito|donde puedo) (hacer un )?(pagar|pago)\b/,
  ],
  plan: [
    /\b(payment|payments|pay) ?plan\b/,
    /\bplan\b/,
    /\binstal+ments?\b/,
    /\b(make|making|do|set up|pay in|split it into|split into|break it into|pay it in|spread it over|pay) (monthly |small |smaller |weekly |some |partial |little |multiple |a few |several |\d+ )?(payments|installments|instalments|chunks|parts)\b/,
    /\bin (\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (payments|installments|months|parts)\b/,
    /\bover (\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|the next) (months|weeks|payments|years)\b/,
    /\b(per|each|every) (month|week)\b/,
    /\bevery (two|2|other) weeks\b/,
    /\b(monthly|weekly|biweekly|bi weekly|fortnightly)\b/,
    /\b(the )?rest (over|in|later|next|after)\b/,
    /\bpay (it |this )?(over time|little by little|in parts|bit by bit|a little at a time|slowly)\b/,
    /\b(spread|split) (it|the|this|payments|the payments) (out|up|over)\b/,
    // Spanish
    /\bplan de pagos?\b/,
    /\b(pagos|cuotas|mensualidades|plazos|abonos|parcialidades|abonar)\b/,
    /\b(al|por|cada) (mes|semana|quincena)\b/,
    /\ba la (semana|quincena)\b/,
    /\bcada (dos|2) semanas\b/,
    /\b(mensual|mensuales|semanal|semanales|quincenal|quincenales|mensualmente)\b/,
    /\bpoco a poco\b/,
    /\b(en|por|a) (partes|pagos|plazos|abonos|mensualidades)\b/,
    /\b(every|each|on) (payday|paydays|paycheck|pay day|friday|fridays|monday|mondays|the first)\b/,
    /\b(1st|first|\d{1,2}(st|nd|rd|th)) and (the )?(15th|fifteenth|\d{1,2}(st|nd|rd|th))\b/,
    /\btwice a month\b/,
    /\b(smaller|small|multiple|partial|several|weekly|monthly|little|affordable|lower|biweekly) (payments|installments|amounts|chunks)\b/,
    /\b(payment )?arrangements?\b|\barreglo de pagos?\b/,
    /\b(per|every|each|a) (paycheck|payday|pay period|pay check)\b/,
    /\b(cada|los) (viernes|lunes|quincena|dia de pago)\b/,
  ],
  affirm: [
    /^(yes|yeah|yep|yup|yes please|yes i do|yes it is|yes that is me|yes thats me|sure|sure thing|ok|okay|ok thanks|okay thanks|alright|all right|right|correct|that is correct|that is right|agreed|i agree|i accept|accept|accepted|confirm|confirmed|i confirm|absolutely|of course|definitely|certainly|please do|go ahead|do it|fine|fine by me|yes sir|yes maam|yess|ya|si|si por favor|claro|claro que si|de acuerdo|esta bien|vale|correcto|acepto|dale|por supuesto|exacto|listo|perfecto|okey|va|sale|ok si|si claro|affirmative|simon|sip|sipi|orale|aja|uh huh|mhm|mhmm|yessir|yup yup|bet|for sure|okey dokey|okie dokie|okie|oki|that works|sounds good|sounds great|sounds fine|perfect|great|good|cool|yes that works)$/,
    /^(yes|yeah|yep|yup|sure|ok|okay|alright|absolutely|of course|definitely|claro|vale|dale|okey|correct|agreed|perfect|perfecto|de acuerdo)\b/,
    /\bi (agree|accept|consent|authorize|authorise)\b/,
    /\b(sounds|that is|that sounds|looks|seems) (good|great|fine|perfect|ok|okay|alright)\b/,
    /\b(that|it|this) works\b/,
    /\bworks for me\b/,
    /\blet us do (it|that|this)\b/,
    /\b(estoy de acuerdo|acepto|esta bien|me parece bien|me parece perfecto)\b/,
  ],
  deny: [
    /^(no|nope|nah|naw|no thanks|no thank you|not now|not right now|not today|not interested|maybe later|later|no way|never|nope thanks|i do not agree|i disagree|i decline|decline|no gracias|ahora no|todavia no|no por ahora|por ahora no|negativo|no quiero|not yet|no no|no sir|no maam|no thx|nah thanks|not really|no that is not me|that is not me|wrong|incorrect|no es correcto|tal vez despues|despues|luego|mas tarde|en otro momento|not at the moment|no no no)$/,
    /^(nope|nah|naw)\b/,
    /\b(rather not|prefer not|i will pass|i pass|pass for now|no for now|prefiero que no|mejor no)\b/,
    /^(nel|nel pastel|nop|nones|para nada|nah man|no way jose)$/,
    /^no (not|thanks|thank|way|sorry|i|we|that|it|no|nope|gracias|por ahora|ahorita|todavia|sir|maam|man|dude|senor|senora|ahora)\b/,
    /\b(i do not agree|i disagree|i decline|i refuse|no estoy de acuerdo|not interested|no me interesa|not now|not right now|not today|ahora no|not at this time|not at the moment|por ahora no|todavia no)\b/,
    /^no (puedo|podemos) (ahora|hoy|por ahora|en este momento|ahorita)$/,
  ],
  language: [
    /\b(espanol|spanish|castellano|english|ingles|en espanol|in spanish|in english|en ingles)\b/,
  ],
  greeting: [
    /^(hi|hello|hey|heya|hiya|howdy|greetings|hola|buenas|buenos dias|buenas tardes|buenas noches|buen dia|que tal|saludos|good (morning|afternoon|evening|day))\b/,
  ],
  thanks: [
    /\b(thanks|thank you|thank u|thankyou|appreciate it|appreciate you|appreciate that|much appreciated|bye|goodbye|good bye|bye bye|see you|take care|have a (good|nice|great) (day|night|one|evening)|gracias|muchas gracias|adios|hasta luego|nos vemos|cheers|te lo agradezco|se lo agradezco)\b/,
  ],
  help: [
    /^(help|help me|ayuda|ayudame|menu|options|opciones|info|information)( please| por favor)?$/,
    /\b(what can you do|what do you do|how does (this|it) work|how do (i|we) (use|do) this|what are (my|the) (options|choices)|what (options|choices)|what should i do|what do i do now|i am confused|i do not understand|no entiendo|who are you|what are you|what is this bot|que puedes hacer|como funciona|que opciones|que hago|como te uso|necesito ayuda|can you help|i need help|who is this|quien habla|quien es)\b/,
  ],
};

// Deceased vs bereavement: a death mentioned about the account's owner (no "my <relative>", or
// with "his/her account", "the account holder", "the debtor") is 'deceased'; "my husband died"
// alone is bereavement → 'hardship'. "My mother died, this was her account" is both.
const DEATH = [
  /\b(is|was|are) no longer (living|alive|with us)\b(?! (at|in|there|here|with|on))/,
  /\b(passed away|passed on|deceased|died|has died|fallecio|fallecido|fallecida|fallecieron|murio|muerto|muerta|difunto|difunta|fallecimiento|defuncion|no longer with us|ya no esta con nosotros)\b/,
  /(?<!\bi )(?<!\bi am )\b(is|was|are|is now|were) dead\b/,
  /\b(he|she|they|it|husband|wife|mother|father|mom|mum|dad|son|daughter|brother|sister|grandmother|grandfather|grandma|grandpa|uncle|aunt|partner|spouse|who) (has |had |just |recently |sadly |unfortunately )?passed\b/,
  /\b(late|difunto|difunta|fallecido|fallecida) (husband|wife|mother|father|mom|mum|dad|son|daughter|brother|sister|grandmother|grandfather|grandma|grandpa|uncle|aunt|partner|spouse|esposo|esposa|marido|madre|padre|hijo|hija|hermano|hermana|abuelo|abuela)s?\b/,
];
const NOT_A_PERSON_DIED = /\b(phone|battery|car|laptop|computer|engine|tv|printer|plant|plants|conversation|line|call)s? (has |just |finally )?(died|is dead)\b/;
const MY_RELATIVE = new RegExp(`\\b(my|mi|our|nuestro|nuestra|mis) (late |dear |beloved |difunto |difunta )?(${RELATIVE})s?\\b`);
const ACCOUNT_LINK = [
  /\b(his|her|their|hers|theirs|su|sus) (account|card|credit card|debt|bill|loan|balance|name|cuenta|tarjeta|deuda|prestamo|phone|number|cell|texts|messages|mail|letters|celular|telefono|numero|nombre)\b/,
  /\b(in (his|her|their) name|a su nombre|era suya|era suyo|eran suyas|eran suyos|es suya|es suyo)\b/,
  /\b(was|is|were|belongs to|belonged to|era|es) (his|hers|her|theirs|their|de el|de ella|suya|suyo)\b/,
  /\b(account|card|debt|bill|loan|cuenta|deuda|tarjeta) (belongs|belonged|was|is|era|es) (to |de )?(my|mi)\b/,
  /\b(late|difunto|difunta) \w+s (account|card|debt|bill|loan|balance)\b/,
  /\b(debtor|account holder|accountholder|card ?holder|cardholder|borrower|titular|deudor|deudora|primary|estate|the person you are looking for|person on the account|herencia|sucesion)\b/,
  /\bdeceased\b/,
  /\b(you are|you re|youre) (texting|calling|messaging|contacting|looking for|trying to reach|trying to contact)\b/,
  new RegExp(`\\b(${RELATIVE})s (phone|number|cell|account|card|name|debt|bill|loan|credit card)\\b`),
  /\b(he|she|they) (is |has |had |just |recently )?(passed|died|deceased|dead)\b/,
  /\bya (fallecio|murio|falleci|no esta con nosotros)\b/,
  /\b(he|she|they) (had|has|owned|opened|used|had opened) (this|that|the|a) (card|account|loan|debt|credit card)\b/,
  /\bperson (on|named on|listed on|who had|who opened) (this|the) (account|card|loan|debt)\b/,
];

function findDeceasedOrBereavement(text: string): Intent[] {
  if (!DEATH.some((re) => re.test(text))) return [];
  if (NOT_A_PERSON_DIED.test(text) && !/\b(passed|deceased|fallecio|murio)\b/.test(text)) return [];
  const linked = ACCOUNT_LINK.some((re) => re.test(text));
  const relative = MY_RELATIVE.test(text);
  if (linked) return relative ? ['deceased', 'hardship'] : ['deceased'];
  return relative ? ['hardship'] : ['deceased'];
}

buildVocabulary([...Object.values(RULES).flat(), ...DEATH, ...ACCOUNT_LINK]);

/**
 * Intents whose keyword can be denied ("I don't have a lawyer", "I never filed bankruptcy", "I'm
 * not in the military"): a match counts only when none of the four words before it negates it.
 * Not applied to crisis (recall first) nor to intents whose own patterns carry the negation.
 */
const NEGATABLE: ReadonlySet<Intent> = new Set<Intent>(['attorney', 'bankruptcy', 'military']);
const NEGATOR = /\b(not|never|no|nunca|sin|without|nor|ni)\b/;
const SCOPE_BREAK = new Set(['my', 'mi', 'our', 'nuestro', 'nuestra', 'his', 'her', 'and', 'but', 'so', 'because', 'y', 'pero', 'porque']);
const globalCopies = new Map<RegExp, RegExp>();

function globalOf(re: RegExp): RegExp {
  let global = globalCopies.get(re);
  if (!global) {
    global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    globalCopies.set(re, global);
  }
  return global;
}

function matchesAffirmatively(re: RegExp, text: string): boolean {
  for (const m of text.matchAll(globalOf(re))) {
    // The negation's reach: up to four words back, stopping at a possessive or a conjunction
    // ("I'm not discussing this, my attorney will call you" is a yes to an attorney).
    const words = text.slice(0, m.index).trim().split(' ').slice(-4);
    const cut = Math.max(...words.map((w, i) => (SCOPE_BREAK.has(w) ? i : -1)));
    if (!NEGATOR.test(words.slice(cut + 1).join(' '))) return true;
  }
  return false;
}

/** Every intent the normalised text supports, in no particular order. */
function intentsOf(normalized: string, rawFolded: string, entities: Entities): Intent[] {
  const found: Intent[] = [];
  for (const [intent, patterns] of Object.entries(RULES) as Array<[Exclude<Intent, 'unknown'>, RegExp[]]>) {
    const hit = NEGATABLE.has(intent) ? patterns.some((re) => matchesAffirmatively(re, normalized)) : patterns.some((re) => re.test(normalized));
    if (hit) found.push(intent);
  }
  found.push(...findDeceasedOrBereavement(normalized));
  // "Stop emailing me notices" asks for paper, not for silence: cease counts only if its words are
  // still there once the withdrawal's are taken out ("stop contacting me and mail me the letters
  // instead" is a cease, and cease comes first).
  if (found.includes('withdraw_consent') && found.includes('cease')) {
    const rest = RULES.withdraw_consent.reduce((text, re) => text.replace(globalOf(re), ' '), normalized).replace(/ +/g, ' ').trim();
    if (!RULES.cease.some((re) => re.test(rest))) found.splice(found.indexOf('cease'), 1);
  }
  // "no, ..." / "sí, ..." open the message: a clear no or yes even with more words after it.
  if (/^\s*no\s*[,.!;:]/.test(rawFolded)) found.push('deny');
  if (/^\s*si\s*[,.!;:]/.test(rawFolded)) found.push('affirm');
  if (entities.money.some((m) => m.per !== undefined) || entities.count !== undefined) found.push('plan');
  if (entities.language !== undefined) found.push('language');
  // A negated yes is not a yes ("no estoy de acuerdo", "that does not work").
  if (found.includes('deny') && /\b(not|no) (agree|de acuerdo|work|works|acepto|accept)\b/.test(normalized)) {
    return found.filter((intent) => intent !== 'affirm');
  }
  return found;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Entities (from the original text: case folded and accents stripped, punctuation kept)
// ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Two-digit years: 00–29 → 2000–2029, 30–99 → 1930–1999 (a fixed pivot, so the result never
 * depends on today's date). "4/13/85" → 1985-04-13, "4/13/05" → 2005-04-13.
 */
export const TWO_DIGIT_YEAR_PIVOT = 30;

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
  enero: 1, ene: 1, febrero: 2, marzo: 3, abril: 4, abr: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, ago: 8, septiembre: 9,
  setiembre: 9, set: 9, octubre: 10, noviembre: 11, diciembre: 12, dic: 12,
};
const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  eighteen: 18, twenty: 20, 'twenty four': 24, thirty: 30, 'thirty six': 36,
  uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12,
  dieciocho: 18, veinte: 20, veinticuatro: 24, treinta: 30, 'treinta y seis': 36,
};
const NUMBER_WORD_ALT = Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** True when year-month-day is a real calendar day (no February 30th) in 1900–2099. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1900 || year > 2099) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function expandYear(text: string): number {
  const digits = text.replace(/^'/, '');
  const value = Number(digits);
  if (digits.length === 4) return value;
  return value < TWO_DIGIT_YEAR_PIVOT ? 2000 + value : 1900 + value;
}

/** A working copy of the text whose used parts are blanked out, so one span feeds one entity. */
class Scratch {
  constructor(public text: string) {}
  consume(start: number, end: number): void {
    this.text = this.text.slice(0, start) + ' '.repeat(end - start) + this.text.slice(end);
  }
}

function extractDates(s: Scratch, entities: Entities): void {
  const found: Array<{ at: number; date: CalendarDate }> = [];
  const push = (at: number, year: number, month: number, day: number) => {
    if (isRealDate(year, month, day)) found.push({ at, date: { year, month, day } });
  };
  const patterns: Array<{ re: RegExp; read: (m: RegExpExecArray) => void }> = [
    {
      // 1985-04-12, 1985/4/12
      re: /(?<![\d/.-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d/.-]*\d)/g,
      read: (m) => push(m.index, Number(m[1]), Number(m[3]), Number(m[4])),
    },
    {
      // 4/12/1985, 04-12-1985, 12.04.85. Read month/day (US) and day/month: if only one reading is a
      // real date, that is the date ("4/13/1985", "13/4/1985"); if both are, and they differ
      // ("4/12/1985"), ambiguousDate is set and nothing goes into dates — the dialog asks again.
      re: /(?<![\d/.$-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-]*\d)/g,
      read: (m) => {
        const a = Number(m[1]);
        const b = Number(m[3]);
        const year = expandYear(m[4] ?? '');
        // Month/day (US) and day/month: when both are real, different days, we cannot tell.
        const monthFirst = isRealDate(year, a, b);
        const dayFirst = isRealDate(year, b, a);
        if (monthFirst && dayFirst && a !== b) {
          entities.ambiguousDate = true;
          entities.ambiguousDateReadings ??= [
            { year, month: a, day: b },
            { year, month: b, day: a },
          ];
        }
        else if (monthFirst) push(m.index, year, a, b);
        else if (dayFirst) push(m.index, year, b, a);
      },
    },
    {
      // April 12 1985, Apr 12, 1985, April 12th, 1985, abril 12 de 1985
      re: new RegExp(`\\b(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th|ro|o)?,?\\s+(?:(?:de|del|of)\\s+)?(\\d{4}|'\\d{2})(?!\\d)`, 'g'),
      read: (m) => push(m.index, expandYear(m[3] ?? ''), MONTHS[m[1] ?? ''] ?? 0, Number(m[2])),
    },
    {
      // 12 April 1985, 12th of April, 1985, 12 de abril de 1985, 12-Apr-1985
      re: new RegExp(
        `(?<!\\d)(\\d{1,2})(?:st|nd|rd|th|ro|o)?(?:\\s+|\\s*[-/.]\\s*)(?:(?:of|de)\\s+)?(${MONTH_ALT})\\.?(?:,?\\s+|\\s*[-/.]\\s*)(?:(?:de|del|of)\\s+)?(\\d{4}|'\\d{2}|(?<=(?:de|del)\\s+)\\d{2})(?!\\d)`,
        'g',
      ),
      read: (m) => push(m.index, expandYear(m[3] ?? ''), MONTHS[m[2] ?? ''] ?? 0, Number(m[1])),
    },
  ];
  for (const { re, read } of patterns) {
    for (const m of s.text.matchAll(re)) {
      read(m as RegExpExecArray);
      // Consumed even when impossible or ambiguous: its digits are no account, ZIP or money.
      s.consume(m.index, m.index + m[0].length);
    }
  }
  found.sort((x, y) => x.at - y.at);
  entities.dates = found.map((f) => f.date);
}

function extractZip(s: Scratch, entities: Entities): void {
  const labelled = /\b(?:zip|zipcode|zip code|postal code|postcode|codigo postal|c\.?p\.?)\b\D{0,20}?(?<![\d$])(\d{5})(?:-\d{4})?(?![\d.,])/.exec(s.text);
  const whole = /^\s*(\d{5})(?:-\d{4})?\s*[.!]?\s*$/.exec(s.text);
  const m = labelled ?? whole;
  if (!m) return;
  entities.zip = m[1];
  const start = m.index + m[0].indexOf(m[1] ?? '');
  s.consume(start, m.index + m[0].length);
}

function extractSsnLast4(s: Scratch, entities: Entities): void {
  const labelled =
    /\b(?:ssn|ss#|ss|social(?: security)?(?: number| no| #)?|seguro social|last (?:four|4)(?: digits)?|ultimos (?:cuatro|4)(?: digitos)?)(?![a-z])[^\d]{0,30}?(?<![\d-])(\d{4}|\d{2}[ -]\d{2})(?![\d-])/.exec(
      s.text,
    );
  const whole = /^\s*(\d{4}|\d{2}[ -]\d{2})\s*[.!]?\s*$/.exec(s.text);
  const m = labelled ?? whole;
  if (!m || m[1] === undefined) return;
  entities.ssnLast4 = m[1].replace(/[ -]/g, '');
  const start = m.index + m[0].lastIndexOf(m[1]);
  s.consume(start, start + m[1].length);
}

const SSN_SHAPE = /^\d{3}-?\d{2}-?\d{4}$/;

function extractAccountNumber(s: Scratch, entities: Entities): void {
  const candidates: Array<{ value: string; start: number; labelled?: boolean }> = [];
  const labelled =
    /\b(?:account|acct|acc|accnt|cuenta|ref|reference|referencia)\.?(?:\s*(?:number|no\.?|num|nbr|#|numero|id))?\s*(?:is|es|:|#|=)?\s*#?\s*([a-z0-9][a-z0-9-]*\d[a-z0-9-]*)/g;
  for (const m of s.text.matchAll(labelled)) {
    if (m[1] !== undefined) candidates.push({ value: m[1], start: m.index + m[0].lastIndexOf(m[1]), labelled: true });
  }
  const hash = /#\s?([a-z0-9][a-z0-9-]*\d[a-z0-9-]*)/g;
  for (const m of s.text.matchAll(hash)) {
    if (m[1] !== undefined) candidates.push({ value: m[1], start: m.index + m[0].lastIndexOf(m[1]) });
  }
  // Letters then digits, anywhere: "A-1001", "AB123456", "ACC-55-0192".
  const shaped = /(?<![\w$-])([a-z]{1,4}-?\d{3,}(?:-[a-z0-9]+)*)(?![\w-])/g;
  for (const m of s.text.matchAll(shaped)) {
    if (m[1] !== undefined) candidates.push({ value: m[1], start: m.index });
  }
  // The whole message is one code-like token ("55-0192", "100234").
  const whole = /^\s*([a-z]{0,4}-?\d[\d-]{3,}[a-z0-9]*)\s*[.!]?\s*$/.exec(s.text);
  if (whole?.[1] !== undefined) candidates.push({ value: whole[1], start: whole.index + whole[0].indexOf(whole[1]) });

  candidates.sort((a, b) => a.start - b.start);
  for (const c of candidates) {
    const value = c.value.replace(/-+$/, '');
    if (!/\d/.test(value) || SSN_SHAPE.test(value)) continue;
    // Unlabelled ZIP- or SSN-4-shaped digits are not taken for an account number.
    if (!c.labelled && (/^\d{5}(-\d{4})?$/.test(value) || /^\d{4}$/.test(value))) continue;
    entities.accountNumber = value.toUpperCase();
    s.consume(c.start, c.start + c.value.length);
    return;
  }
}

/** Digits → minor units by string arithmetic only: "1,250.50" → 125050. */
function toMinorUnits(integer: string, fraction: string | undefined, thousands: boolean): number {
  const whole = integer.replace(/,/g, '');
  if (thousands) {
    const frac = (fraction ?? '').padEnd(3, '0').slice(0, 3);
    return Number(`${whole}${frac}00`);
  }
  return Number(`${whole}${(fraction ?? '').padEnd(2, '0')}`);
}

const PER_AFTER: Array<[RegExp, NonNullable<MoneyMention['per']>]> = [
  [/^\s*(?:every|each|cada)\s+(?:two|2|other|dos|otra)\s+(?:weeks?|semanas?)\b|^\s*(?:bi-?weekly|fortnightly|every fortnight|a fortnight|quincenal(?:es|mente)?|cada quincena|a la quincena|por quincena|cada quince dias)\b/, 'two_weeks'],
  [/^\s*(?:a|per|each|every|\/|al|por|cada)\s*(?:month|mo|mnth|mth|mes)\b|^\s*(?:monthly|a month|mensual(?:es|mente)?)\b/, 'month'],
  [/^\s*(?:a|per|each|every|\/|por|cada|a la)\s*(?:week|wk|semana)\b|^\s*(?:weekly|semanal(?:es|mente)?)\b/, 'week'],
];

const MONEY_VERB =
  /\b(?:pay|paying|do|offer|offering|give|send|afford|manage|handle|put down|put|spare|make|dar|pagar|pago|ofrezco|ofrecer|abonar|puedo dar|puedo|dare|pagaria|mandar|enviar)\s+(?:you\s+|u\s+|like\s+|about\s+|around\s+|maybe\s+|only\s+|just\s+|up to\s+|at least\s+|at most\s+|hasta\s+|como\s+|unos\s+|solo\s+|nomas\s+|al menos\s+)*$/;

function extractMoney(s: Scratch, entities: Entities): void {
  // "1,250.50" (US thousands), "12.50", and "12,50" (a decimal comma, as Spanish writers use it).
  const number = /(?<![\w.,])(\$\s?|us\$\s?|usd\s?)?(\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?:[.,](\d{1,2}))?(?!\d)(?![.,]\d)/g;
  for (const m of s.text.matchAll(number)) {
    const [full, symbol, integer = '', fraction] = m;
    let after = s.text.slice(m.index + full.length);
    const before = s.text.slice(0, m.index);
    let thousands = false;
    const k = /^k\b/.exec(after);
    if (k) {
      thousands = true;
      after = after.slice(1);
    }
    if (/^[a-z]/.test(after) || /^\s*(?:%|percent|por ciento)/.test(after)) continue; // 15th, 4pm, 30%
    if (/^\s*(?:(?:monthly|weekly|biweekly|equal|more|mensuales|semanales|iguales)\s+)?(?:months?|weeks?|payments?|installments?|instalments?|days?|years?|yrs?|meses|mes|semanas?|pagos?|cuotas?|dias?|anos?|plazos|mensualidades|am|pm|hours?|horas?|of (?:them|those))\b/.test(after)) continue;
    if (/\b(?:chapter|capitulo|ch|over|in|en|durante)\s*$/.test(before) && !symbol) continue;
    const currencyWord = /^\s*(?:dollars?|bucks|usd|dls|dolares|dolar|pesos?)\b/.exec(after);
    let tail = currencyWord ? after.slice(currencyWord[0].length) : after;
    let per: MoneyMention['per'];
    for (const [re, value] of PER_AFTER) {
      const p = re.exec(tail);
      if (p) {
        per = value;
        tail = tail.slice(p[0].length);
        break;
      }
    }
    const nowWord =
      /^\s*(?:now|today|upfront|up front|down|right now|ahora|hoy|de enganche|al contado|de contado|first|to start)\b/.test(after) ||
      /^\s*(?:per|every|each|a|cada|por)\s+(?:paycheck|payday|pay period|pay check|pago|dia de pago)\b/.test(tail);
    const verb = MONEY_VERB.test(before);
    if (!(symbol || currencyWord || per || nowWord || verb || thousands)) continue;
    const amount = toMinorUnits(integer, fraction, thousands);
    if (!Number.isSafeInteger(amount)) continue;
    entities.money.push(per ? { amount, per } : { amount });
  }
}

function extractCount(normalizedRaw: string, entities: Entities): void {
  const unit = '(?:months?|payments?|installments?|instalments?|weeks?|meses|pagos|cuotas|plazos|mensualidades|semanas|parcialidades|abonos)';
  const monthly = '(?:monthly |equal |weekly |biweekly |mensuales |semanales )?';
  const n = `(\\d{1,3}|${NUMBER_WORD_ALT})`;
  const patterns = [
    new RegExp(`\\b(?:over|in|en|across|within|split into|into|a)\\s+(?:the next\\s+)?${n}\\s+${monthly}${unit}\\b`),
    new RegExp(`\\b${n}\\s+${monthly}(?:payments|installments|instalments|pagos|cuotas|mensualidades|plazos|parcialidades|abonos)\\b`),
  ];
  for (const re of patterns) {
    const m = re.exec(normalizedRaw);
    if (m?.[1] !== undefined) {
      const value = /^\d+$/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1]];
      if (value !== undefined && value >= 2) {
        entities.count = value;
        return;
      }
    }
  }
}

function extractLanguage(normalized: string, entities: Entities): void {
  let last: { at: number; language: 'en' | 'es' } | undefined;
  for (const m of normalized.matchAll(/\b(espanol|spanish|castellano|english|ingles)\b/g)) {
    const language = m[1] === 'english' || m[1] === 'ingles' ? 'en' : 'es';
    if (!last || m.index >= last.at) last = { at: m.index, language };
  }
  if (last) entities.language = last.language;
}

/** Entities in a message. `normalized` is normalizeText(text) (computed when not given). */
export function extractEntities(text: string, normalized: string = normalizeText(text)): Entities {
  const entities: Entities = { dates: [], money: [] };
  const s = new Scratch(foldCase(text));
  extractZip(s, entities);
  extractDates(s, entities);
  extractSsnLast4(s, entities);
  extractAccountNumber(s, entities);
  extractMoney(s, entities);
  // Counts read the blanked text's words, so a ZIP or date is never a count.
  extractCount(s.text.replace(/[^a-z0-9]+/g, ' '), entities);
  extractLanguage(normalized, entities);
  if (entities.ambiguousDate !== true) delete entities.ambiguousDate;
  return entities;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// The recognizer
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** Longer messages are read up to this many characters (an SMS is at most 1,600). */
export const MAX_RECOGNIZED_LENGTH = 4000;

/** Recognises one message. Pure and synchronous. */
export function recognizeSync(input: string, _context: RecognizeContext): Recognition {
  const text = input.length > MAX_RECOGNIZED_LENGTH ? input.slice(0, MAX_RECOGNIZED_LENGTH) : input;
  const normalized = normalizeText(text);
  const entities = extractEntities(text, normalized);
  const rawFolded = foldCase(text);
  const intents = byPriority(intentsOf(normalized, rawFolded, entities));
  return { intent: intents[0] ?? 'unknown', intents: intents.length > 0 ? intents : ['unknown'], entities, source: 'deterministic' };
}

export class DeterministicRecognizer implements Recognizer {
  recognizeSync(text: string, context: RecognizeContext): Recognition {
    return recognizeSync(text, context);
  }

  async recognize(text: string, context: RecognizeContext): Promise<Recognition> {
    return recognizeSync(text, context);
  }
}
