/** A working copy of the text whose used parts are blanked out, so one span feeds one entity. */
export class Scratch {
  constructor(public text: string) {}

  consume(start: number, end: number): void {
    this.text = this.text.slice(0, start) + ' '.repeat(end - start) + this.text.slice(end);
  }
}
