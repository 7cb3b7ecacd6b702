/**
 * Items that arrive in any order, and handlers that act on each of them whichever came first:
 * a handler added late sees every earlier item, an item added late reaches every earlier handler.
 */
export class Registry<T> {
  private readonly items: T[] = [];
  private readonly handlers: Array<(item: T) => void> = [];

  /** Calls `handler` for every item, now and as items are added. */
  public forEach(handler: (item: T) => void): void {
    this.handlers.push(handler);
    this.items.forEach(handler);
  }

  /** Adds an item, and hands it to every handler so far. */
  public add(item: T): void {
    this.items.push(item);
    this.handlers.forEach((handler) => handler(item));
  }
}
