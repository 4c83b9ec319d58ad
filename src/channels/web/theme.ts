/**
 * The agency's colours, for the demo page and for Web Chat's style options. Every text/background
 * pair meets WCAG AA (4.5:1 or better): navy #1d3557 on white is 12.0:1, white on navy the same,
 * slate #4a5565 on white 7.4:1, teal #0b6e69 on white 6.2:1.
 */
export const THEME = {
  navy: '#1d3557',
  teal: '#0b6e69',
  ink: '#1b2430',
  slate: '#4a5565',
  paper: '#ffffff',
  mist: '#f3f5f8',
  line: '#c3ccd8',
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
} as const;

/** Up to two initials of the collector's name, for the bot's avatar ("Summit Recovery Services" -> "SR"). */
export function initialsOf(name: string): string {
  const letters = name
    .split(/\s+/)
    .map((word) => word.match(/\p{L}/u)?.[0] ?? '')
    .filter(Boolean);
  return letters.slice(0, 2).join('').toUpperCase() || 'AI';
}

/** Web Chat style options in the agency's colours. */
export function webChatStyleOptions(collectorName: string): Record<string, string | number | boolean> {
  return {
    accent: THEME.navy,
    primaryFont: THEME.font,
    backgroundColor: THEME.mist,
    subtle: THEME.slate,
    timestampColor: THEME.slate,
    rootHeight: '100%',
    rootWidth: '100%',
    bubbleBackground: THEME.paper,
    bubbleTextColor: THEME.ink,
    bubbleBorderColor: THEME.line,
    bubbleBorderWidth: 1,
    bubbleBorderRadius: 10,
    bubbleFromUserBackground: THEME.navy,
    bubbleFromUserTextColor: THEME.paper,
    bubbleFromUserBorderColor: THEME.navy,
    bubbleFromUserBorderWidth: 1,
    bubbleFromUserBorderRadius: 10,
    bubbleMaxWidth: 560,
    botAvatarInitials: initialsOf(collectorName),
    botAvatarBackgroundColor: THEME.navy,
    hideUploadButton: true,
    sendBoxBackground: THEME.paper,
    sendBoxTextColor: THEME.ink,
    sendBoxPlaceholderColor: THEME.slate,
    sendBoxButtonColor: THEME.navy,
    sendBoxButtonColorOnHover: THEME.teal,
    sendBoxButtonColorOnFocus: THEME.teal,
    sendBoxBorderTop: `solid 2px ${THEME.navy}`,
    sendBoxHeight: 56,
    suggestedActionBackgroundColor: THEME.paper,
    suggestedActionBorderColor: THEME.navy,
    suggestedActionTextColor: THEME.navy,
    transcriptVisualKeyboardIndicatorColor: THEME.teal,
  };
}
