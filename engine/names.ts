// How people's names are built: which short form of a name a text may use on its own ("Le Pen", "Macron"), and
// which words are titles rather than names. Used when the matcher data is built, and by the linker's context checks.

import { normalizePhrase } from './normalize';

/**
 * Surnames shared by so many people that, alone, they say little about who is meant ("Smith", "Khan", "Wong"):
 * derived surnames on this list link only after the full name, like common words.
 */
export const COMMON_SURNAMES: ReadonlySet<string> = new Set(
  (
    'smith johnson williams jones brown davis miller wilson moore taylor anderson thomas jackson white harris martin ' +
    'thompson garcia martinez robinson clark rodriguez lewis lee walker hall allen young hernandez king wright lopez ' +
    'hill scott green adams baker gonzalez nelson carter mitchell perez roberts turner phillips campbell parker evans ' +
    'edwards collins stewart morris murphy cook rogers morgan cooper peterson reed bailey bell kelly howard ward cox ' +
    'richardson wood watson brooks bennett gray james hughes price kennedy khan singh kumar patel shah ali ahmed ' +
    'hussain wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo lin wong lam chan leung ng kim park ' +
    'choi jung kang cho yoon nguyen tran pham muller schmidt schneider fischer weber meyer wagner becker schulz ' +
    'hoffmann rossi russo ferrari dubois bernard petit durand leroy moreau simon laurent lefebvre michel fernandez ' +
    'sanchez ivanov smirnov kuznetsov popov mohamed mohammed muhammad hassan hussein ibrahim abdullah'
  ).split(/\s+/),
);

/**
 * Titles and honorifics written before a name ("Prince William", "Pope Francis"): never a given name, so a name that
 * starts with one has no surname to derive from it.
 */
export const NAME_TITLES: ReadonlySet<string> = new Set(
  (
    'prince princess king queen pope sir dame lord lady saint st president dr sheikh sheikha emir sultan ayatollah ' +
    'crown mr mrs ms miss madame monsieur general gen emperor empress cardinal archbishop bishop rabbi imam father ' +
    'sister brother grand duke duchess count countess baron baroness samdech daw senior frau herr mme mlle senor ' +
    'senora signor signora'
  ).split(/\s+/),
);

/**
 * Frequent given names in English-language news (the linker adds the first names of the archive's people). A
 * capitalised word before a one-word name at the start of a sentence is a given name only if it is on this list
 * ("Jack London wrote" vs "Afterwards Trump said").
 */
export const GIVEN_NAMES: ReadonlySet<string> = new Set(
  (
    'james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark ' +
    'donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary ' +
    'nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick ' +
    'raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy ' +
    'christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe ' +
    'bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason ' +
    'philip louis harry liam oliver charlie tom tim jim bill bob mike dan dave steve chris nick tony ben sam matt ' +
    'kurt hans karl klaus jean pierre jacques francois michel alain philippe luc marc nicolas emmanuel ' +
    'vladimir sergei sergey dmitry alexei alexey ivan mikhail boris igor yuri oleg andrei viktor ' +
    'giuseppe giovanni marco luca antonio carlos luis miguel pedro manuel jorge ahmed mohamed mohammed muhammad ' +
    'ali omar hassan hamza abdul ibrahim yusuf mustafa khalid mahmoud rahul narendra manmohan ' +
    'mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ' +
    'ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura ' +
    'cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra ' +
    'rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren ' +
    'christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison ' +
    'frances kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly ' +
    'isabella theresa diana natalie brittany charlotte marie kayla alexis lori kate jane julia claire sophie ' +
    'valeska marine marion brigitte anne ursula angela hillary kamala nikki liz'
  ).split(/\s+/),
);

/**
 * Countries whose names are usually written family name first (Xi Jinping, Kim Jong Un, Moon Jae-in, Hun Sen), or
 * where people have no family name at all (Myanmar: Min Aung Hlaing). The last word of such a name is not a surname.
 */
const FAMILY_NAME_FIRST_COUNTRIES: ReadonlySet<string> = new Set(
  ['china', 'taiwan', 'hong kong', 'macau', 'macao', 'singapore', 'north korea', 'south korea', 'korea', 'vietnam', 'viet nam', 'cambodia', 'myanmar', 'burma'],
);

/** Frequent Chinese, Korean, Vietnamese and Cambodian family names (romanised). */
const EAST_ASIAN_FAMILY_NAMES: ReadonlySet<string> = new Set(
  (
    'xi li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao zheng liang xie song tang ' +
    'han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao jin ' +
    'wen mao qin xue hou lei long duan hao kong shao shi tan liao zou xiong qiu fan tsai lai chiang lee kim park ' +
    'moon choi jung yoon kang cho lim han shin seo kwon hwang ahn song hong ban nguyen tran le pham hoang phan vu ' +
    'vo dang bui do ngo duong ly hun wong lam chan leung cheung ho tse tsang chow yeung kwok ng tong'
  ).split(/\s+/),
);

/** Family names that are also common Western given names ("Kim Kardashian", "Lee Zeldin"). */
const AMBIGUOUS_FAMILY_NAMES: ReadonlySet<string> = new Set(['lee', 'kim', 'park', 'moon', 'song', 'long', 'le', 'do', 'he', 'ho', 'tong', 'han', 'jin', 'tan']);

const PARTICLES = new Set(['le', 'la', 'de', 'du', 'des', 'van', 'von', 'der', 'den', 'da', 'di', 'del', 'della', 'dos', 'das', 'bin', 'ibn', 'al', 'el', 'ben', 'mac', 'st', 'ter', 'zu']);
const SUFFIXES = new Set(['jr', 'sr']);

/** "III", "XIV": a regnal or generational number (written in capitals, so "Xi" of "Xi Jinping" is not one). */
function isRomanNumeral(word: string): boolean {
  return /^(?=[IVXL])L?X{0,3}(IX|IV|V?I{0,3})\.?$/.test(word);
}

/** A two-syllable given name joined by a hyphen, as in romanised Korean and Cantonese names: "Jae-in", "Kwok-kin". */
function isSyllablePair(word: string): boolean {
  return /^\p{Lu}\p{Ll}{0,5}-\p{Ll}{1,5}$/u.test(word);
}

/**
 * Is the name written family name first? By the country hint when there is one (a Western given name first,
 * as in "Carrie Lam" or "Lawrence Wong", is recognised by not being a family name); otherwise by the shape of the name.
 */
export function familyNameFirst(words: string[], country?: string): boolean {
  if (words.length < 2) return false;
  const first = normalizePhrase(words[0]);
  const rest = words.slice(1);
  const syllabic = rest.some(isSyllablePair) || (rest.length >= 2 && rest.every((w) => normalizePhrase(w).length <= 5));
  const place = country?.trim().toLowerCase() ?? '';
  if (place === 'myanmar' || place === 'burma') return true; // no family names: "Min Aung Hlaing"
  if (FAMILY_NAME_FIRST_COUNTRIES.has(place)) {
    return EAST_ASIAN_FAMILY_NAMES.has(first) || syllabic;
  }
  if (words.length > 3 || first.length > 5) return false;
  if (rest.some(isSyllablePair)) return true;
  if (!EAST_ASIAN_FAMILY_NAMES.has(first)) return false;
  // "Xi Jinping", "Kim Jong Un"; but "Kim Kardashian" and "Lee Zeldin" put the given name first
  return !AMBIGUOUS_FAMILY_NAMES.has(first) ? rest.every((w) => normalizePhrase(w).length <= 7) : syllabic;
}

/**
 * Short forms of a person's name: the name minus the first given name and any initials ("Jean-Marie Le Pen" → "Le Pen",
 * "George W. Bush" → "Bush"), starting at a particle if there is one ("Charles de Gaulle" → "de Gaulle"); also the last
 * word when there is no particle ("Ursula von der Leyen" keeps only "von der Leyen"). A suffix is not a surname
 * ("Robert F. Kennedy Jr." → "Kennedy"), a title is not a given name ("Prince William" → none), and names written
 * family name first get none ("Xi Jinping": the catalog lists "Xi" itself where it is used alone).
 */
export function deriveSurnames(name: string, hints?: { country?: string }): string[] {
  let words = name.trim().split(/\s+/).filter(Boolean);
  const isSuffix = (w: string) => SUFFIXES.has(normalizePhrase(w)) || isRomanNumeral(w.replace(/,$/, ''));
  while (words.length > 1 && isSuffix(words[words.length - 1])) words = words.slice(0, -1);
  words = words.map((w) => w.replace(/,$/, '')); // "Cyrus R. Vance, Jr."
  while (words.length > 1 && NAME_TITLES.has(normalizePhrase(words[0]))) words = words.slice(1);
  if (words.length < 2) return [];
  if (familyNameFirst(words, hints?.country)) return [];
  let rest = words.slice(1);
  const particle = rest.findIndex((w) => PARTICLES.has(normalizePhrase(w)));
  const out: string[] = [];
  if (particle >= 0 && particle < rest.length - 1) {
    out.push(rest.slice(particle).join(' '));
  } else {
    while (rest.length > 1 && normalizePhrase(rest[0]).length <= 1) rest = rest.slice(1); // initials
    out.push(rest.join(' '));
    const last = rest[rest.length - 1];
    if (rest.length > 1 && normalizePhrase(last).length >= 3) out.push(last);
  }
  return out.filter((s) => normalizePhrase(s).length >= 2);
}
