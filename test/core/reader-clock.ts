/**
 * The reader's clock set to another day, as on a phone whose clock fell back to
 * 2019 when its battery ran flat: `new Date()` and `Date.now()` start from `iso`
 * and run on; a Date made of a given time is that time. Returns the undo. Only
 * Date is replaced (no fake timers): the widgets' loads and the test runner's own
 * timers keep real time.
 */
export function setReaderClock(iso: string): () => void {
  const RealDate = Date;
  const offset = RealDate.parse(iso) - RealDate.now();
  class ReaderDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor>) {
      super(...((args.length ? args : [RealDate.now() + offset]) as [number]));
    }
    static override now = () => RealDate.now() + offset;
  }
  globalThis.Date = ReaderDate as DateConstructor;
  return () => {
    globalThis.Date = RealDate;
  };
}
