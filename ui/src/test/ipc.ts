import { mockIPC } from "@tauri-apps/api/mocks";
import commands from "../../../src-tauri/commands.json";

/** The app's commands: `src-tauri/commands.json`, the list build.rs registers and a shell test checks. */
export const COMMANDS: readonly string[] = commands;

/**
 * `mockIPC` that fails on a command the app does not have, so a renamed or misspelled command cannot
 * pass a test by falling through to a default answer. Plugin calls (events, windows) go to `handler`.
 */
export function mockCommands(handler: (cmd: string, args: unknown) => unknown): void {
  mockIPC((cmd, args) => {
    if (!cmd.startsWith("plugin:") && !COMMANDS.includes(cmd)) {
      throw new Error(`the app has no command "${cmd}" (src-tauri/commands.json)`);
    }
    return handler(cmd, args);
  });
}
