/**
 * The workbench's undo history (pure, no DOM): every state of the open file in order, a cursor
 * on the current one, and which one was last saved. Undo and redo move the cursor; a new state
 * after an undo drops the states that could have been redone (as in Word). Bounded, so that a
 * long session does not keep hundreds of copies of the file.
 */
export interface HistoryEntry<T> {
  state: T;
  /** What made this state, for the buttons' tooltips ("ghi số liệu"); empty for the opened file. */
  label: string;
}

export class History<T> {
  private entries: HistoryEntry<T>[];
  private cursor = 0;
  /** Index of the saved state; -1 when it was dropped from the history (nothing equals it). */
  private savedAt = 0;

  constructor(
    initial: T,
    private readonly limit = 50,
  ) {
    this.entries = [{ state: initial, label: '' }];
  }

  get current(): T {
    return this.entries[this.cursor]!.state;
  }

  /** The first state still held (the opened file unless the history was trimmed). */
  get first(): T {
    return this.entries[0]!.state;
  }

  get canUndo(): boolean {
    return this.cursor > 0;
  }

  get canRedo(): boolean {
    return this.cursor < this.entries.length - 1;
  }

  /** What undo would take back. */
  get undoLabel(): string | undefined {
    return this.canUndo ? this.entries[this.cursor]!.label : undefined;
  }

  /** What redo would do again. */
  get redoLabel(): string | undefined {
    return this.canRedo ? this.entries[this.cursor + 1]!.label : undefined;
  }

  /** The current state is the one last saved (or opened, before any save). */
  get saved(): boolean {
    return this.cursor === this.savedAt;
  }

  push(state: T, label: string): void {
    this.entries = this.entries.slice(0, this.cursor + 1);
    if (this.savedAt > this.cursor) this.savedAt = -1;
    this.entries.push({ state, label });
    this.cursor = this.entries.length - 1;
    const excess = this.entries.length - this.limit;
    if (excess > 0) {
      this.entries.splice(0, excess);
      this.cursor -= excess;
      this.savedAt = this.savedAt >= excess ? this.savedAt - excess : -1;
    }
  }

  undo(): T | undefined {
    if (!this.canUndo) return undefined;
    this.cursor -= 1;
    return this.current;
  }

  redo(): T | undefined {
    if (!this.canRedo) return undefined;
    this.cursor += 1;
    return this.current;
  }

  markSaved(): void {
    this.savedAt = this.cursor;
  }
}
