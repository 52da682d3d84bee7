import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { mockCommands } from "../test/ipc";
import { App as AntApp } from "antd";
import { describe, expect, it } from "vitest";
import type { DeadlineOverview, DeadlinePreferences } from "../bindings";
import fixture from "../generated/overview-2023-11-30.json";
import type { Lang } from "../i18n/catalog";
import { I18nProvider } from "../i18n/I18n";
import { DeadlinesPage } from "./DeadlinesPage";
import { ReminderBanners } from "./ReminderBanners";

const overview = fixture as unknown as DeadlineOverview;

function renderPage(lang: Lang) {
  return render(
    <I18nProvider lang={lang}>
      <AntApp>
        <DeadlinesPage />
      </AntApp>
    </I18nProvider>,
  );
}

describe("截止日期 page at 2023-11-30 12:00 Beijing time (the app's clock, not the computer's)", () => {
  it("counts down to the submission close and the payment opening", async () => {
    mockCommands((cmd) => (cmd.startsWith("deadlines_") ? overview : null));
    renderPage("zh");
    expect((await screen.findByTestId("state-submission")).textContent).toBe("即将截止");
    expect(screen.getByTestId("remaining-submission").textContent).toMatch(/^(1天 00:00:00|0天 23:59:5\d)$/);
    expect(screen.getByTestId("state-payment").textContent).toBe("未开始");
    expect(screen.getByTestId("remaining-payment").textContent).toMatch(/^(5天 00:00:00|4天 23:59:5\d)$/);
    expect(screen.getByText("截止：2023年12月1日 星期五 12:00")).toBeTruthy();
    expect(screen.getByTestId("beijing-now").textContent).toMatch(/2023年11月30日 星期四 12:00:0\d/);
    // 11-30 is after the latest publicity start (11-24): say what starting today gives, in red.
    const now = screen.getByTestId("what-now").textContent;
    expect(now).toContain("单位公示最迟开始日 2023-11-24 已过");
    expect(now).toContain("若单位今天（2023-11-30）开始公示，将于 2023-12-06 结束，比最迟结束日 2023-11-30 晚 4 个工作日。");
    expect(now).toContain("上级主管部门");
    expect(now).toContain("三（三）3（1）：对……未经公示");
    expect(screen.getByTestId("plan-today").className).toContain("red");
  });

  it("with time to spare the today marker is green and the latest start is said", async () => {
    const early: DeadlineOverview = {
      ...overview,
      publicity: { ...overview.publicity, start: "2023-11-20", end: "2023-11-24", fits: true, working_days_late: 0, latest_start_passed: false },
    };
    mockCommands((cmd) => (cmd.startsWith("deadlines_") ? early : null));
    renderPage("zh");
    expect((await screen.findByTestId("latest-start")).textContent).toContain("单位公示最迟开始：2023-11-24");
    expect(screen.queryByTestId("what-now")).toBeNull();
  });

  it("a publicity entered on 公示表 that ends after the latest end is a red warning, and its plan says too late", async () => {
    const p = overview.publicity;
    const late: DeadlineOverview = {
      ...overview,
      publicity: { ...p, start_source: "entered", start: "2023-11-28", end: "2023-12-04", fits: false, working_days_late: 2 },
      plan: {
        ...overview.plan,
        from_entered: true,
        items: overview.plan.items.map((i, n) => (n === 0 ? { ...i, start: "2023-11-28", end: "2023-12-04", late: true } : i)),
      },
    };
    mockCommands((cmd) => (cmd.startsWith("deadlines_") ? late : null));
    renderPage("zh");
    expect((await screen.findByTestId("publicity-late")).textContent).toContain(
      "单位公示 2023-11-28 至 2023-12-04 结束太晚：最迟应在 2023-11-30 结束，晚了 2 个工作日",
    );
    expect(screen.getByTestId("plan-late").textContent).toBe("太晚");
    expect(screen.getByTestId("plan-today").className).toContain("red");
  });

  it("speaks English too", async () => {
    mockCommands((cmd) => (cmd.startsWith("deadlines_") ? overview : null));
    renderPage("en");
    expect((await screen.findByTestId("state-submission")).textContent).toBe("Closing soon");
    expect(screen.getByText("Closes: Friday 1 Dec 2023, 12:00")).toBeTruthy();
  });

  it("says plainly when the round is over and never shows a countdown for it", async () => {
    const over: DeadlineOverview = {
      ...overview,
      now: "2026-11-28T09:00:00+08:00",
      round_over: true,
      windows: overview.windows.map((w) => ({ ...w, state: "closed", seconds_to_open: 0, seconds_to_close: 0, closing_soon: false })),
    };
    mockCommands((cmd) => (cmd.startsWith("deadlines_") ? over : null));
    renderPage("zh");
    expect((await screen.findByTestId("state-submission")).textContent).toBe("已截止");
    expect(screen.queryByTestId("remaining-submission")).toBeNull();
    expect(screen.queryByTestId("what-now")).toBeNull();
    expect(screen.getByTestId("state-payment").textContent).toBe("已截止");
  });

  it("shows due reminders on any page, once, and records them when shown", async () => {
    const due: DeadlineOverview = {
      ...overview,
      reminders: [
        {
          keys: ["cq-lvse-2023:submission:close:1440"],
          window_id: "submission",
          boundary: "closed",
          at: "2023-12-01T12:00:00+08:00",
          left_minutes: 1440,
        },
      ],
    };
    const calls: string[] = [];
    mockCommands((cmd) => {
      if (cmd !== "workspace_set_language") calls.push(cmd);
      if (cmd === "deadlines_overview") return due;
      if (cmd === "deadlines_notify") return { ...overview, reminders: due.reminders };
      return null;
    });
    render(
      <I18nProvider lang="zh">
        <AntApp>
          <ReminderBanners />
        </AntApp>
      </I18nProvider>,
    );
    expect(await screen.findByText("网上申报将于2023年12月1日 星期五 12:00（北京时间）截止，还有1天0小时")).toBeTruthy();
    expect(calls).toEqual(["deadlines_overview", "deadlines_notify"]);
  });

  it("words the reminder in English in the English interface, and asks the shell for English notifications", async () => {
    const due: DeadlineOverview = {
      ...overview,
      reminders: [
        { keys: ["k"], window_id: "submission", boundary: "closed", at: "2023-12-01T12:00:00+08:00", left_minutes: 1441 },
      ],
    };
    const args: unknown[] = [];
    mockCommands((cmd, a) => {
      if (cmd === "deadlines_overview") return due;
      if (cmd === "deadlines_notify") {
        args.push(a);
        return { ...overview, reminders: due.reminders };
      }
      return null;
    });
    render(
      <I18nProvider lang="en">
        <AntApp>
          <ReminderBanners />
        </AntApp>
      </I18nProvider>,
    );
    expect(await screen.findByText("Online submission closes on Friday 1 Dec 2023, 12:00 Beijing time: 1 day 0 hours left")).toBeTruthy();
    expect(args).toEqual([{ lang: "en" }]);
  });

  it("the 截止日期 page itself records no reminder (the banners do, where they are seen)", async () => {
    const calls: string[] = [];
    mockCommands((cmd) => {
      if (cmd !== "workspace_set_language") calls.push(cmd);
      return cmd.startsWith("deadlines_") ? overview : null;
    });
    renderPage("zh");
    await screen.findByTestId("state-submission");
    expect(calls).not.toContain("deadlines_notify");
  });

  it("saves the review days the user enters", async () => {
    const sent: DeadlinePreferences[] = [];
    mockCommands((cmd, args) => {
      if (cmd === "deadlines_overview" || cmd === "deadlines_notify") return overview;
      if (cmd === "deadlines_set_preferences") {
        sent.push((args as { prefs: DeadlinePreferences }).prefs);
        return overview;
      }
      return null;
    });
    renderPage("zh");
    const box = await screen.findByLabelText("人事代理机构审核 工作日");
    await act(async () => {
      fireEvent.change(box, { target: { value: "2" } });
    });
    await waitFor(() => expect(sent.length).toBe(1), { timeout: 3000 });
    expect(sent[0].step_days).toEqual([0, 2, 0]);
  });

  it("offers to reset a damaged settings file", async () => {
    mockCommands((cmd) => {
      if (cmd === "deadlines_overview") throw { code: "corrupt_file", message: "deadlines.json 已损坏", backup: null, issues: [] };
      return null;
    });
    renderPage("zh");
    expect(await screen.findByRole("button", { name: "恢复默认设置（损坏的文件会保留）" })).toBeTruthy();
  });
});
