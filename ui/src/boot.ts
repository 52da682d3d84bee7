// The first screen's data, asked for as soon as the code has loaded and before React draws anything.
// While React draws, the page's one thread is busy and the shell's answers wait for it (measured: the
// spinner drawn first, the profile arrived ~0.35 s later; asked on an idle thread it takes a few ms).
// So main.tsx asks first, waits for the answers (or `BOOT_WAIT_MS`, so a slow key store never keeps the
// window empty) and then draws the form with its data in one go. Each answer is used once: the page
// that uses it never asks again for its first value (loading a file twice could lose the notice that
// it was migrated).
import { api } from "./api/ipc";
import type { DeadlineOverview, Loaded } from "./bindings";
import { initialLang } from "./i18n/I18n";

export const BOOT_WAIT_MS = 1500;

/** A call already made; `result` is set once it has answered. */
export type Early<T> = {
  promise: Promise<T>;
  result?: { ok: true; value: T } | { ok: false; error: unknown };
};

function early<T>(promise: Promise<T>): Early<T> {
  const e: Early<T> = { promise };
  promise.then(
    (value) => (e.result = { ok: true, value }),
    (error) => (e.result = { ok: false, error }),
  );
  return e;
}

export type Boot = { profile: Early<Loaded>; deadlines: Early<DeadlineOverview> };

export function startBoot(): Boot {
  // The shell words errors (a damaged file) in the user's language: tell it before the first load.
  const lang = api.setLanguage(initialLang()).catch(() => {});
  return { profile: early(lang.then(api.loadProfile)), deadlines: early(lang.then(api.deadlines)) };
}

/** Resolves once both calls have answered, or after `ms`. */
export function bootSettled(b: Boot, ms = BOOT_WAIT_MS): Promise<void> {
  const both = Promise.allSettled([b.profile.promise, b.deadlines.promise]).then(() => {});
  return Promise.race([both, new Promise<void>((r) => setTimeout(r, ms))]);
}
