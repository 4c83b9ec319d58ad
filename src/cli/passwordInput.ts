/**
 * Reading a password for a CLI: from a terminal without echo, or from piped stdin.
 */

export class InputAborted extends Error {
  override name = 'InputAborted';
}

export interface LineEditState {
  /** Code points typed so far. */
  chars: string[];
  done: boolean;
  aborted: boolean;
  /** Inside an escape sequence (arrow keys and the like), which is ignored: after ESC, or after ESC [ / ESC O. */
  escape: 'none' | 'esc' | 'sequence';
}

export const emptyLine = (): LineEditState => ({ chars: [], done: false, aborted: false, escape: 'none' });

/**
 * Applies raw-mode terminal input to a hidden line: Enter ends it, Backspace deletes the last
 * character, Ctrl-U clears it, Ctrl-C aborts, Ctrl-D ends it; other control keys and escape
 * sequences are ignored. Pure, so it can be tested without a terminal.
 */
export function applyKeys(state: LineEditState, input: string): LineEditState {
  const next: LineEditState = { ...state, chars: [...state.chars] };
  for (const ch of input) {
    if (next.done || next.aborted) break;
    if (next.escape === 'esc') {
      next.escape = ch === '[' || ch === 'O' ? 'sequence' : 'none';
      continue;
    }
    if (next.escape === 'sequence') {
      // A sequence ends with its final byte, @ to ~ (arrow keys: "ESC [ A", Delete: "ESC [ 3 ~").
      if (ch >= '@' && ch <= '~') next.escape = 'none';
      continue;
    }
    switch (ch) {
      case '\r':
      case '\n':
      case '\u0004': // Ctrl-D
        next.done = true;
        break;
      case '\u0003': // Ctrl-C
        next.aborted = true;
        break;
      case '\u007f':
      case '\b':
        next.chars.pop();
        break;
      case '\u0015': // Ctrl-U
        next.chars = [];
        break;
      case '\u001b':
        next.escape = 'esc';
        break;
      default:
        if (ch >= ' ') next.chars.push(ch);
    }
  }
  return next;
}

/** Asks for a line on a terminal without echoing it. Rejects with InputAborted on Ctrl-C. */
export function promptHidden(prompt: string, stdin: NodeJS.ReadStream = process.stdin, stderr: NodeJS.WriteStream = process.stderr): Promise<string> {
  return new Promise((resolve, reject) => {
    let state = emptyLine();
    const wasRaw = stdin.isRaw;
    stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    const finish = () => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.setRawMode(wasRaw);
      stdin.pause();
      stderr.write('\n');
    };
    const onData = (chunk: string) => {
      state = applyKeys(state, chunk);
      if (state.aborted) {
        finish();
        reject(new InputAborted());
      } else if (state.done) {
        finish();
        resolve(state.chars.join(''));
      }
    };
    const onEnd = () => {
      finish();
      resolve(state.chars.join(''));
    };
    stdin.on('data', onData);
    stdin.on('end', onEnd);
  });
}

/** The first line of everything on stdin, without its line ending. */
export async function readFirstLine(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.split(/\r?\n/, 1)[0] ?? '';
}
