// The applicant file as the app holds it: loading it, the recovery actions of a damaged file (restore
// a backup, start over) and where the workspace is. The wizard's own state lives in useWizard.
import { useCallback, useEffect, useState } from "react";
import type { ErrorPayload, Loaded } from "../bindings";
import { api, toErrorPayload } from "../api/ipc";

export type LoadState = { kind: "loading" } | { kind: "ready"; loaded: Loaded } | { kind: "failed"; error: ErrorPayload };

/** `onLoaded` hears every file loaded (at start, after a restore or a start-over). */
export function useApplicant(onLoaded: (loaded: Loaded) => void) {
  const [state, setState] = useState<LoadState>({ kind: "loading" });
  const [workspace, setWorkspace] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const adopt = useCallback(
    (loaded: Loaded) => {
      setState({ kind: "ready", loaded });
      onLoaded(loaded);
    },
    [onLoaded],
  );

  const load = useCallback(async () => {
    setState({ kind: "loading" });
    try {
      adopt(await api.loadProfile());
    } catch (e) {
      // Not a toast: a file that cannot be read replaces the page with what can be done about it.
      setState({ kind: "failed", error: toErrorPayload(e) });
    }
    api.workspaceInfo().then((i) => setWorkspace(i.root), () => setWorkspace(null));
  }, [adopt]);

  useEffect(() => {
    void load();
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

  return { state, workspace, busy, load, act };
}
