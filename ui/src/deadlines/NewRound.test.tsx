import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App as AntApp } from "antd";
import { describe, expect, it } from "vitest";
import type { DeadlineOverview, FoundInstant, NewRoundDates } from "../bindings";
import fixture from "../generated/overview-2023-11-30.json";
import { I18nProvider } from "../i18n/I18n";
import { mockCommands } from "../test/ipc";
import { NewRoundModal, beijingInstant, placeFound } from "./NewRound";
import { RoundBanner, TimelineProvider } from "./Timeline";
import dayjs from "dayjs";

const overview = fixture as unknown as DeadlineOverview;
const at = (s: string, sentence = "句", window: FoundInstant["window"] = null, edge: FoundInstant["edge"] = null): FoundInstant => ({
  at: s,
  written: s,
  sentence,
  window,
  edge,
});

describe("新一轮 / 粘贴通知", () => {
  it("places found instants by the window and edge their sentence names, else in order", () => {
    const { dates, sentences } = placeFound([
      at("2026-12-03T12:00:00+08:00", "缴费", "payment", "opens"),
      at("2026-11-02T09:00:00+08:00", "申报"),
      at("2026-11-30T12:00:00+08:00", "申报"),
    ]);
    expect(dates.payOpens?.format("YYYY-MM-DD HH:mm")).toBe("2026-12-03 12:00");
    expect(dates.subOpens?.format("YYYY-MM-DD HH:mm")).toBe("2026-11-02 09:00");
    expect(dates.subCloses?.format("YYYY-MM-DD HH:mm")).toBe("2026-11-30 12:00");
    expect(dates.payCloses).toBeNull();
    expect(sentences.payOpens).toBe("缴费");
  });

  it("sends Beijing wall time whatever the computer's zone", () => {
    expect(beijingInstant(dayjs("2026-11-02T09:00"))).toBe("2026-11-02T09:00:00+08:00");
  });

  it("pastes a notice, shows each date's sentence and saves only the dates", async () => {
    const sent: NewRoundDates[] = [];
    const sentence = "网上申报时间为2026年11月2日9:00至2026年11月30日12:00。";
    mockCommands((cmd, args) => {
      if (cmd === "deadlines_extract_notice")
        return [
          at("2026-11-02T09:00:00+08:00", sentence, "submission", "opens"),
          at("2026-11-30T12:00:00+08:00", sentence, "submission", "closes"),
        ];
      if (cmd === "deadlines_new_round") {
        sent.push((args as { dates: NewRoundDates }).dates);
        return overview;
      }
      return null;
    });
    let created = 0;
    render(
      <I18nProvider lang="zh">
        <AntApp>
          <NewRoundModal tool="paste" base="2023年度" onClose={() => undefined} onCreated={() => created++} />
        </AntApp>
      </I18nProvider>,
    );
    fireEvent.change(await screen.findByTestId("notice-text"), { target: { value: `渝经信发〔2026〕12号\n${sentence}` } });
    await act(async () => {
      fireEvent.click(screen.getByTestId("find-dates"));
    });
    expect((await screen.findByTestId("found-count")).textContent).toContain("找到 2 个时刻");
    expect(screen.getByTestId("sentence-subOpens").textContent).toBe(`原句：${sentence}`);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "保存并设为当前轮次" }));
    });
    await waitFor(() => expect(sent.length).toBe(1));
    expect(sent[0]).toEqual({
      notice: "渝经信发〔2026〕12号",
      submission_opens: "2026-11-02T09:00:00+08:00",
      submission_closes: "2026-11-30T12:00:00+08:00",
      payment_opens: null,
      payment_closes: null,
      submission_sentence: sentence,
      payment_sentence: null,
    });
    expect(created).toBe(1);
  });

  it("refuses to save without the submission dates", async () => {
    mockCommands(() => null);
    render(
      <I18nProvider lang="en">
        <AntApp>
          <NewRoundModal tool="new" base="2023" onClose={() => undefined} onCreated={() => undefined} />
        </AntApp>
      </I18nProvider>,
    );
    await act(async () => {
      fireEvent.click(await screen.findByRole("button", { name: "Save and make it the active round" }));
    });
    expect((await screen.findByTestId("new-round-error")).textContent).toContain("Enter when online submission opens and closes");
  });

  it("the closed-round banner names the round and its close, on any page", async () => {
    const over: DeadlineOverview = { ...overview, now: "2026-12-05T10:00:00+08:00", round_over: true };
    mockCommands((cmd) => (cmd === "deadlines_overview" ? over : null));
    let asked = 0;
    render(
      <I18nProvider lang="zh">
        <AntApp>
          <TimelineProvider>
            <RoundBanner onPrepare={() => asked++} />
          </TimelineProvider>
        </AntApp>
      </I18nProvider>,
    );
    const banner = await screen.findByTestId("round-closed");
    expect(banner.textContent).toContain(
      "本轮“重庆市工程技术绿色低碳专业首批职称申报评审（2023年度）”（渝经信发〔2023〕89号）的网上申报已于 2023年12月1日 星期五 12:00 截止",
    );
    fireEvent.click(screen.getByTestId("banner-new-round"));
    expect(asked).toBe(1);
  });
});
