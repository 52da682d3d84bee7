// The applicant file as the app holds it: loading it, the recovery actions of a damaged file (restore
// a backup, start over) and where the workspace is. The wizard's own state lives in useWizard.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ErrorPayload, Loaded } from "../bindings";
import { api, toErrorPayload } from "../api/ipc";
import type { Early } from "../boot";

export type LoadState = { kind: "loading" } | { kind: "ready"; loaded: Loaded } | { kind: "failed"; error: ErrorPayload };

function stateOf(first: Early<Loaded> | undefined): LoadState {
  const r = first?.result;
  if (!r) return { kind: "loading" };
  return r.ok ? { kind: "ready", loaded: r.value } : { kind: "failed", error: toErrorPayload(r.error) };
}

/**
 * `onLoaded` hears every file loaded (at start, after a restore or a start-over). `first`: the load
 * main.tsx already asked for (boot.ts); the page starts from its answer instead of asking again.
 */
export function useApplicant(onLoaded: (loaded: Loaded) => void, first?: Early<Loaded>) {
  const [state, setState] = useState<LoadState>(() => stateOf(first));
  const firstLoad = useRef(first);
  const [workspace, setWorkspace] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const adopt = useCallback(
    (loaded: Loaded) => {
      setState({ kind: "ready", loaded });
      onLoaded(loaded);
    },
    [onLoaded],
  );

  const load = useCallback(
    async (pending?: Early<Loaded>) => {
      const known = pending?.result;
      if (known?.ok) {
        // Already shown (the first state): only the wizard still has to hear it.
        onLoaded(known.value);
      } else if (!known) {
        setState({ kind: "loading" });
        try {
          adopt(await (pending?.promise ?? api.loadProfile()));
        } catch (e) {
          // Not a toast: a file that cannot be read replaces the page with what can be done about it.
          setState({ kind: "failed", error: toErrorPayload(e) });
        }
      }
      api.workspaceInfo().then((i) => setWorkspace(i.root), () => setWorkspace(null));
    },
    [adopt, onLoaded],
  );

  useEffect(() => {
    const pending = firstLoad.current;
    firstLoad.current = undefined;
    void load(pending);
  }, [load]);

  /** Restore a backup or start over: the page shows the file it returns, or why it could not. */
  const act = async (f: () => Promise<Loaded>) => {
    setBusy(true);
    try {
      adopt(await f());
    } catch (e) {
      setState({ kind: "failed", error: toErrorPayload(e) });
    } finally {
      setBusy(false);
    }
  };

  return { state, workspace, busy, load: useCallback(() => load(), [load]), act };
}
