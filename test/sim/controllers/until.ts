/** Polls `read` every 100 ms until `check` holds (at most `seconds`), returning the last value. */
export async function until<T>(read: () => Promise<T>, check: (v: T) => boolean, seconds = 20): Promise<T> {
  let v = await read();
  for (let i = 0; i < seconds * 10 && !check(v); i++) {
    await new Promise((r) => setTimeout(r, 100));
    v = await read();
  }
  return v;
}
