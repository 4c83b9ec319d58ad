/**
 * Where in the US a debtor probably is, from a ZIP code or a phone number's area code, as a set of
 * IANA time zones. Pure data and lookups, no I/O.
 *
 * The answer is deliberately a SET: a state split between two zones (Florida, Texas, Kansas, …)
 * answers both, so a caller that requires the contact window to hold in every zone of the set is
 * never wrong in the unsafe direction (Reg F comment 6(b)(1)(i)-2: with conflicting or ambiguous
 * location information, communicate only at a time convenient in all the possible locations).
 *
 * Limits, by design of a compact table:
 * - ZIP codes resolve by their 3-digit prefix to a state, then to every zone of that state; the
 *   few 3-digit prefixes that are not a state (military APO/FPO/DPO: 090-098, 340, 962-966) and
 *   unassigned ones resolve to nothing (unknown). Exceptions by full ZIP: 96799 (American Samoa).
 * - Area codes resolve to the zones of their state, narrowed to one zone only where the whole
 *   area code lies in one zone (e.g. 305 Miami; not 850, which spans the Florida panhandle).
 *   Area codes added after this table was written resolve to nothing (unknown).
 * - A phone number says where the line was issued, not where the person is: people keep numbers
 *   when they move. That is why an account's own time zone, when known, wins over both.
 * - 969xx ZIP codes are mapped to Guam time, which also covers the Northern Mariana Islands but
 *   not Palau, Micronesia or the Marshall Islands (969xx too, UTC+9 to +12): a debtor there
 *   needs a time zone on the account.
 */

const ET = 'America/New_York';
const CT = 'America/Chicago';
const MT = 'America/Denver';
const AZ = 'America/Phoenix';
const PT = 'America/Los_Angeles';
const AKT = 'America/Anchorage';
const HAT_ALEUTIAN = 'America/Adak';
const HT = 'Pacific/Honolulu';
const AST = 'America/Puerto_Rico';
const CHST = 'Pacific/Guam';
const SST = 'Pacific/Pago_Pago';

/**
 * The zones that must all be inside the contact window when we know nothing about the debtor's
 * location — every populated US time zone: Atlantic (Puerto Rico, US Virgin Islands), Eastern,
 * Central, Mountain, Arizona (Mountain without DST), Pacific, Alaska, Hawaii-Aleutian with DST
 * (Adak) and without (Hawaii), Chamorro (Guam, Northern Mariana Islands) and Samoa (American
 * Samoa). Together they leave 22:00-01:00 UTC every day (08:00 in Guam to 21:00 in Puerto Rico and,
 * in summer, on the East Coast). Uninhabited minor outlying islands are not included.
 */
export const US_ZONES_EVERYWHERE: readonly string[] = [AST, ET, CT, MT, AZ, PT, AKT, HAT_ALEUTIAN, HT, CHST, SST];

/** Every zone a state (or territory) spans. */
const STATE_ZONES: Readonly<Record<string, readonly string[]>> = {
  AL: [CT], AK: [AKT, HAT_ALEUTIAN], AZ: [AZ, MT /* the Navajo Nation observes DST */], AR: [CT], CA: [PT],
  CO: [MT], CT: [ET], DE: [ET], DC: [ET], FL: [ET, CT], GA: [ET], HI: [HT], ID: [MT, PT], IL: [CT],
  IN: [ET, CT], IA: [CT], KS: [CT, MT], KY: [ET, CT], LA: [CT], ME: [ET], MD: [ET], MA: [ET],
  MI: [ET, CT], MN: [CT], MS: [CT], MO: [CT], MT: [MT], NE: [CT, MT], NV: [PT, MT /* West Wendover */],
  NH: [ET], NJ: [ET], NM: [MT], NY: [ET], NC: [ET], ND: [CT, MT], OH: [ET], OK: [CT], OR: [PT, MT],
  PA: [ET], RI: [ET], SC: [ET], SD: [CT, MT], TN: [ET, CT], TX: [CT, MT], UT: [MT], VT: [ET], VA: [ET],
  WA: [PT], WV: [ET], WI: [CT], WY: [MT], PR: [AST], VI: [AST], GU: [CHST], AS: [SST],
};

/** 3-digit ZIP prefix ranges (inclusive) -> state. Ranges not listed are not a state (unknown). */
const ZIP_PREFIX_RANGES: ReadonlyArray<readonly [number, number, string]> = [
  [5, 5, 'NY'], [6, 7, 'PR'], [8, 8, 'VI'], [9, 9, 'PR'],
  [10, 27, 'MA'], [28, 29, 'RI'], [30, 38, 'NH'], [39, 49, 'ME'], [50, 54, 'VT'], [55, 55, 'MA'], [56, 59, 'VT'],
  [60, 69, 'CT'], [70, 89, 'NJ'],
  [100, 149, 'NY'], [150, 196, 'PA'], [197, 199, 'DE'], [200, 200, 'DC'], [201, 201, 'VA'], [202, 205, 'DC'],
  [206, 219, 'MD'], [220, 246, 'VA'], [247, 268, 'WV'], [270, 289, 'NC'], [290, 299, 'SC'], [300, 319, 'GA'],
  [320, 339, 'FL'], [341, 349, 'FL'], [350, 369, 'AL'], [370, 385, 'TN'], [386, 397, 'MS'], [398, 399, 'GA'],
  [400, 427, 'KY'], [430, 459, 'OH'], [460, 479, 'IN'], [480, 499, 'MI'], [500, 528, 'IA'], [530, 549, 'WI'],
  [550, 567, 'MN'], [569, 569, 'DC'], [570, 577, 'SD'], [580, 588, 'ND'], [590, 599, 'MT'],
  [600, 629, 'IL'], [630, 658, 'MO'], [660, 679, 'KS'], [680, 693, 'NE'], [700, 714, 'LA'], [716, 729, 'AR'],
  [730, 732, 'OK'], [733, 733, 'TX'], [734, 749, 'OK'], [750, 799, 'TX'], [800, 816, 'CO'], [820, 831, 'WY'],
  [832, 838, 'ID'], [840, 847, 'UT'], [850, 865, 'AZ'], [870, 884, 'NM'], [885, 885, 'TX'], [889, 898, 'NV'],
  [900, 961, 'CA'], [967, 968, 'HI'], [969, 969, 'GU'], [970, 979, 'OR'], [980, 994, 'WA'], [995, 999, 'AK'],
];

const ZIP_EXCEPTIONS: Readonly<Record<string, string>> = { '96799': 'AS' };

/** Area codes by state (geographic NANP codes; overlays included). */
const AREA_CODES: Readonly<Record<string, string>> = {
  AL: '205 251 256 334 659 938', AK: '907', AZ: '480 520 602 623 928', AR: '327 479 501 870',
  CA: '209 213 279 310 323 341 350 408 415 424 442 510 530 559 562 619 626 628 650 657 661 669 707 714 747 760 805 818 820 831 840 858 909 916 925 949 951',
  CO: '303 719 720 970 983', CT: '203 475 860 959', DE: '302', DC: '202 771',
  FL: '239 305 321 324 352 386 407 448 561 645 656 689 727 728 754 772 786 813 850 863 904 941 954',
  GA: '229 404 470 478 678 706 762 770 912 943', HI: '808', ID: '208 986',
  IL: '217 224 309 312 331 447 464 618 630 708 730 773 779 815 847 861 872', IN: '219 260 317 463 574 765 812 930',
  IA: '319 515 563 641 712', KS: '316 620 785 913', KY: '270 364 502 606 859', LA: '225 318 337 504 985', ME: '207',
  MD: '227 240 301 410 443 667', MA: '339 351 413 508 617 774 781 857 978',
  MI: '231 248 269 313 517 586 616 679 734 810 906 947 989', MN: '218 320 507 612 651 763 924 952',
  MS: '228 601 662 769', MO: '235 314 417 557 573 636 660 816 975', MT: '406', NE: '308 402 531', NV: '702 725 775',
  NH: '603', NJ: '201 551 609 640 732 848 856 862 908 973', NM: '505 575',
  NY: '212 315 329 332 347 363 516 518 585 607 624 631 646 680 716 718 838 845 914 917 929 934',
  NC: '252 336 472 704 743 828 910 919 980 984', ND: '701', OH: '216 220 234 283 326 330 380 419 436 440 513 567 614 740 937',
  OK: '405 539 572 580 918', OR: '458 503 541 971', PA: '215 223 267 272 412 445 484 570 582 610 717 724 814 835 878',
  RI: '401', SC: '803 821 839 843 854 864', SD: '605', TN: '423 615 629 731 865 901 931',
  TX: '210 214 254 281 325 346 361 409 430 432 469 512 682 713 726 737 806 817 830 832 903 915 936 940 945 956 972 979',
  UT: '385 435 801', VT: '802', VA: '276 434 540 571 686 703 757 804 826 948', WA: '206 253 360 425 509 564',
  WV: '304 681', WI: '262 274 353 414 534 608 715 920', WY: '307', PR: '787 939', VI: '340', GU: '671 670', AS: '684',
};

/**
 * Area codes in split states that lie wholly inside one zone. Every other area code of a split
 * state answers all of the state's zones (850 Florida panhandle, 915/432 west Texas, 423/931
 * Tennessee, 270/606 Kentucky, 219/574/812/930 Indiana, 906 Upper Michigan, 620/785 Kansas,
 * 308 Nebraska, 541/458 Oregon, 775 Nevada, 928 Arizona, 208/986 Idaho, 605, 701, 907).
 */
const AREA_CODE_SINGLE_ZONE: Readonly<Record<string, string>> = {
  ...Object.fromEntries('239 305 321 324 352 386 407 561 645 656 689 727 728 754 772 786 813 863 904 941 954'.split(' ').map((c) => [c, ET])),
  ...Object.fromEntries('210 214 254 281 325 346 361 409 430 469 512 682 713 726 737 806 817 830 832 903 936 940 945 956 972 979'.split(' ').map((c) => [c, CT])),
  ...Object.fromEntries('480 520 602 623'.split(' ').map((c) => [c, AZ])),
  ...Object.fromEntries('231 248 269 313 517 586 616 679 734 810 947 989'.split(' ').map((c) => [c, ET])),
  ...Object.fromEntries('260 317 463 765 502 859 865'.split(' ').map((c) => [c, ET])),
  ...Object.fromEntries('615 629 731 901 316 913 402 531'.split(' ').map((c) => [c, CT])),
  ...Object.fromEntries('503 971 702 725'.split(' ').map((c) => [c, PT])),
  '671': CHST,
  '670': CHST,
};

const AREA_CODE_STATE: ReadonlyMap<string, string> = new Map(
  Object.entries(AREA_CODES).flatMap(([state, codes]) => codes.split(' ').map((code) => [code, state] as const)),
);

/** The zones a US ZIP code (5 digits, optionally ZIP+4) may be in, or null when unknown. */
export function zonesForZip(zip: string | null | undefined): string[] | null {
  const match = /^\s*(\d{5})(?:-?\d{4})?\s*$/.exec(zip ?? '');
  if (!match) return null;
  const five = match[1]!;
  const state = ZIP_EXCEPTIONS[five] ?? stateForZipPrefix(Number(five.slice(0, 3)));
  return state ? [...STATE_ZONES[state]!] : null;
}

function stateForZipPrefix(prefix: number): string | undefined {
  return ZIP_PREFIX_RANGES.find(([from, to]) => prefix >= from && prefix <= to)?.[2];
}

/** The zones a North American (+1) phone number's area code may be in, or null when unknown. */
export function zonesForPhone(phone: string | null | undefined): string[] | null {
  const digits = (phone ?? '').replace(/[^\d+]/g, '');
  const match = /^(?:\+?1)?([2-9]\d{2})[2-9]\d{6}$/.exec(digits);
  if (!match) return null;
  const areaCode = match[1]!;
  const single = AREA_CODE_SINGLE_ZONE[areaCode];
  if (single) return [single];
  const state = AREA_CODE_STATE.get(areaCode);
  return state ? [...STATE_ZONES[state]!] : null;
}
