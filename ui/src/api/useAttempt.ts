// One way to run a command whose failure the user should see: the error, worded by the shell in the
// interface's language, as a toast. Instead of a try/catch around every button's command.
import { App as AntApp } from "antd";
import { useCallback } from "react";
import { useI18n } from "../i18n/I18n";
import { errorText, toErrorPayload } from "./ipc";

/** `attempt(f)` runs `f`; if it throws, shows the error and resolves to `false` (never rejects). */
export function useAttempt(): (f: () => Promise<unknown>) => Promise<boolean> {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  return useCallback(
    async (f: () => Promise<unknown>) => {
      try {
        await f();
        return true;
      } catch (e) {
        message.error(errorText(t, toErrorPayload(e)));
        return false;
      }
    },
    [message, t],
  );
}
