// One timeline for the whole app: the deadlines overview (round in force, publicity against the close)
// is fetched here once and shared, so 公示表, 截止日期, 评估结果 and the closed-round banner all say the
// same thing. Pages that change what it depends on (publicity dates, rounds) call `refresh`.
import { Alert, Button, Space, Typography } from "antd";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { DeadlineOverview, PublicityFit } from "../bindings";
import { api } from "../api/ipc";
import type { Early } from "../boot";
import { useI18n } from "../i18n/I18n";
import { formatBeijing } from "./time";

const REFRESH_MS = 30_000;

export type RoundTool = "new" | "paste";

type TimelineValue = {
  overview: DeadlineOverview | null;
  refresh: () => Promise<void>;
  accept: (o: DeadlineOverview) => void;
  /** A tool of 截止日期 that another page asked to open (新一轮 / 粘贴通知). */
  tool: RoundTool | null;
  openTool: (t: RoundTool | null) => void;
};

const Ctx = createContext<TimelineValue>({
  overview: null,
  refresh: async () => {},
  accept: () => {},
  tool: null,
  openTool: () => {},
});

/** `first`: the overview main.tsx already asked for (boot.ts), used instead of asking again. */
export function TimelineProvider({ children, first }: { children: ReactNode; first?: Early<DeadlineOverview> }) {
  const [overview, setOverview] = useState<DeadlineOverview | null>(() => (first?.result?.ok ? first.result.value : null));
  const firstAsk = useRef(first);
  const [tool, openTool] = useState<RoundTool | null>(null);
  const refresh = useCallback(async () => {
    try {
      setOverview(await api.deadlines());
    } catch {
      // 截止日期 shows what went wrong; the other pages just do not warn.
    }
  }, []);
  useEffect(() => {
    const pending = firstAsk.current;
    firstAsk.current = undefined;
    if (!pending) void refresh();
    else if (!pending.result) pending.promise.then(setOverview, () => {});
    const id = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(id);
  }, [refresh]);
  const value = useMemo(() => ({ overview, refresh, accept: setOverview, tool, openTool }), [overview, refresh, tool]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useTimeline() {
  return useContext(Ctx);
}

/** Every page: the round in force has closed — say so, say what the app judges by, offer a new round. */
export function RoundBanner({ onPrepare }: { onPrepare: () => void }) {
  const { t, lang } = useI18n();
  const { overview, openTool } = useTimeline();
  const prepare = (tool: RoundTool) => {
    openTool(tool);
    onPrepare();
  };
  if (!overview?.round_over) return null;
  const closes = overview.windows.find((w) => w.id === "submission")?.closes_at;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="round-closed"
      title={t("tl.closed", {
        title: overview.round.title,
        notice: overview.round.notice,
        date: closes ? formatBeijing(Date.parse(closes), lang) : "",
      })}
      description={t("tl.closedBody")}
      action={
        <Space orientation="vertical">
          <Button size="small" type="primary" onClick={() => prepare("new")} data-testid="banner-new-round">
            {t("tl.newRound")}
          </Button>
          <Button size="small" onClick={() => prepare("paste")}>
            {t("tl.pasteNotice")}
          </Button>
        </Space>
      }
    />
  );
}

/** The publicity late against the close: the warning, and what to do now (三（三）3（1）). */
export function PublicityStatus({ full = false }: { full?: boolean }) {
  const { t } = useI18n();
  const { overview } = useTimeline();
  if (!overview || overview.round_over) return null;
  return <PublicityFitAlert p={overview.publicity} full={full} t={t} />;
}

export function PublicityFitAlert({ p, full, t }: { p: PublicityFit; full: boolean; t: ReturnType<typeof useI18n>["t"] }) {
  const rule = (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t("tl.rule", { clause: p.clause, text: p.rule_text })}
    </Typography.Text>
  );
  const estimated = p.estimated ? <Typography.Text type="secondary">{t("tl.estimated")}</Typography.Text> : null;
  if (p.start_source === "entered") {
    if (p.fits) {
      return full ? (
        <Alert
          type="success"
          showIcon
          data-testid="publicity-fits"
          title={t("tl.fits", { start: p.start, end: p.end, latestEnd: p.latest_end, n: p.workdays })}
          description={estimated}
        />
      ) : null;
    }
    return (
      <Alert
        type="error"
        showIcon
        data-testid="publicity-late"
        title={t("tl.late", { start: p.start, end: p.end, latestEnd: p.latest_end, n: p.working_days_late })}
        description={
          <Space orientation="vertical" size={2}>
            <span>{t("tl.lateWhat")}</span>
            {rule}
            {estimated}
          </Space>
        }
      />
    );
  }
  if (p.latest_start_passed && !p.fits) {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="what-now"
        title={t("tl.passed", { latest: p.latest_start })}
        description={
          <Space orientation="vertical" size={2}>
            <span data-testid="what-now-today">
              {t("tl.ifToday", { today: p.start, end: p.end, latestEnd: p.latest_end, n: p.working_days_late })}
            </span>
            <span>{t("tl.mustPublicise")}</span>
            <span>{t("tl.canDo")}</span>
            {rule}
            {estimated}
          </Space>
        }
      />
    );
  }
  return full ? (
    <Alert
      type="warning"
      showIcon
      data-testid="latest-start"
      title={t("dl.latestStart", { date: p.latest_start })}
      description={
        <Space orientation="vertical" size={2}>
          <span>{t("tl.startToday", { today: p.start, end: p.end, latestEnd: p.latest_end })}</span>
          {estimated}
        </Space>
      }
    />
  ) : null;
}

/** A day in the plan is too late when the publicity can no longer end in time from it. */
export function todayTooLate(p: PublicityFit): boolean {
  return p.start_source === "entered" ? !p.fits : p.latest_start_passed && !p.fits;
}
