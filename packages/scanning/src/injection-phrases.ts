// Classic prompt-injection phrasing. Each pattern needs the phrase's intent, not just its topic: "system prompt" alone
// is common in rules for LLM apps, "reveal your system prompt" is not; "you are now tasked with" is a persona line,
// "you are now in developer mode" is a jailbreak.

const W = String.raw`\s+`;
const ANY_OF = String.raw`(?:(?:all|any|the|of|your|my|these|those)\s+)*`;
const EARLIER = String.raw`(?:previous|prior|above|earlier|preceding|foregoing|former|original|initial)`;
const DIRECTIONS = String.raw`(?:instructions?|prompts?|rules|directions|directives|messages|context|guidelines|guidance|constraints)`;

const PATTERNS: RegExp[] = [
  new RegExp(String.raw`\b(?:ignore|skip)${W}${ANY_OF}${EARLIER}(?:${W}\w+)?${W}${DIRECTIONS}\b`, 'gi'),
  new RegExp(String.raw`\bdisregard${W}${ANY_OF}(?:${EARLIER}|above)\b(?:${W}${DIRECTIONS}\b)?`, 'gi'),
  new RegExp(
    String.raw`\bforget${W}(?:(?:all|everything|any)${W})?(?:(?:your|the|previous|prior|above|earlier)${W})+${DIRECTIONS}\b`,
    'gi',
  ),
  new RegExp(
    String.raw`\b(?:override|bypass|circumvent)${W}(?:(?:your|all|any|the|previous|safety)${W})+(?:instructions?|rules|safety|guidelines|restrictions|filters|system${W}prompt)\b`,
    'gi',
  ),
  new RegExp(
    String.raw`\byou${W}are${W}now${W}(?:in${W})?(?:an?${W})?(?:dan\b|developer${W}mode|jailbroken|unrestricted|unfiltered|uncensored|free${W}from|no${W}longer${W}(?:bound|restricted|an?${W}(?:ai|assistant)))`,
    'gi',
  ),
  new RegExp(
    String.raw`\b(?:reveal|print|show|output|repeat|leak|display|dump|disclose|tell${W}me)${W}(?:me${W})?(?:your|the)${W}(?:(?:full|entire|original|initial|hidden|secret)${W})?(?:system${W}(?:prompt|message)|initial${W}instructions|hidden${W}instructions)\b`,
    'gi',
  ),
  new RegExp(String.raw`\bnew${W}(?:system${W}prompt|instructions)${W}?:`, 'gi'),
  new RegExp(
    String.raw`\b(?:do${W}not|don't|never)${W}(?:tell|inform|alert|notify|mention${W}(?:this${W})?to|reveal${W}(?:this${W})?to|let)${W}(?:the${W})?user\b`,
    'gi',
  ),
  new RegExp(String.raw`\bwithout${W}(?:telling|informing|notifying|alerting|asking)${W}(?:the${W})?user\b`, 'gi'),
  new RegExp(String.raw`\b(?:do${W}anything${W}now|developer${W}mode${W}enabled|jailbreak${W}mode)\b`, 'gi'),
  // Chat-template control tokens have no business in a rules file.
  /<\|im_start\|>|<\|im_end\|>|<\|system\|>|<\|endoftext\|>|\[INST\]|<<SYS>>/g,
];

export interface PhraseMatch {
  start: number;
  end: number;
  phrase: string;
}

export function findInjectionPhrases(text: string): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      found.push({ start: match.index, end: match.index + match[0].length, phrase: match[0].replace(/\s+/g, ' ') });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
