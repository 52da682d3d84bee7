// 截止日期: live countdowns in Beijing time, the backward plan, reminders, rounds and .ics export.
import { BellOutlined, CalendarOutlined, ExportOutlined, ImportOutlined } from "@ant-design/icons";
import {
  App as AntApp,
  Alert,
  Button,
  Card,
  Col,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from "antd";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { DeadlineOverview, DeadlinePreferences, ErrorPayload, Round, WindowStatus } from "../bindings";
import { RoundEditor } from "./RoundForm";
import { NewRoundModal } from "./NewRound";
import { PublicityFitAlert, todayTooLate, useTimeline } from "./Timeline";
import { api, errorText, toErrorPayload } from "../api/ipc";
import { useAttempt } from "../api/useAttempt";
import type { MessageKey } from "../i18n/catalog";
import { useI18n } from "../i18n/I18n";
import { beijingDate, formatBeijing, liveState, splitSpan, type LiveState } from "./time";
import { windowLabel } from "./words";

const REFRESH_MS = 30_000;
const LEAD_CHOICES = [7 * 1440, 3 * 1440, 1440, 720, 120, 60, 30];
const STATE_COLOR: Record<LiveState, string> = {
  upcoming: "blue",
  open: "green",
  closing_soon: "orange",
  closed: "default",
};

/** The current instant as the app's clock sees it (a fixed instant can be injected in debug builds). */
function useClock(offsetMs: number) {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    setNow(Date.now() + offsetMs);
    const id = setInterval(() => setNow(Date.now() + offsetMs), 1000);
    return () => clearInterval(id);
  }, [offsetMs]);
  return now;
}

function Countdown({ w, now, notice }: { w: WindowStatus; now: number; notice: string }) {
  const { t, lang } = useI18n();
  const opens = Date.parse(w.opens_at);
  const closes = Date.parse(w.closes_at);
  const state = liveState(opens, closes, now);
  const target = state === "upcoming" ? opens : closes;
  const span = splitSpan(target - now);
  return (
    <Card
      size="small"
      data-testid={`countdown-${w.id}`}
      title={
        <Space>
          <span>{windowLabel(w, t, lang)}</span>
          <Tag color={STATE_COLOR[state]} data-testid={`state-${w.id}`}>
            {t(`dl.state.${state}` as MessageKey)}
          </Tag>
        </Space>
      }
    >
      {state === "closed" ? (
        <Typography.Title level={3} type="secondary" style={{ margin: "4px 0" }}>
          {t("dl.state.closed")}
        </Typography.Title>
      ) : (
        <div>
          <Typography.Text type="secondary">{state === "upcoming" ? t("dl.toOpen") : t("dl.toClose")}</Typography.Text>
          <Typography.Title
            level={2}
            style={{ margin: "4px 0", fontVariantNumeric: "tabular-nums" }}
            type={state === "closing_soon" ? "warning" : undefined}
            data-testid={`remaining-${w.id}`}
          >
            {t("dl.countdown", { d: span.days, hms: span.hms })}
          </Typography.Title>
        </div>
      )}
      <Typography.Paragraph style={{ margin: 0 }}>
        {t("dl.opensAt", { time: formatBeijing(opens, lang) })}
        <br />
        <Typography.Text strong={state !== "closed"}>{t("dl.closesAt", { time: formatBeijing(closes, lang) })}</Typography.Text>
        <Typography.Text type="secondary">{t("list.paren", { x: t("dl.beijing") })}</Typography.Text>
      </Typography.Paragraph>
      {/* The source below, not in the header: beside the state tag it squeezed the tag at narrow widths. */}
      <Tooltip title={w.text}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("dl.clause", { notice, clause: w.clause })}
        </Typography.Text>
      </Tooltip>
    </Card>
  );
}

function leadLabel(t: ReturnType<typeof useI18n>["t"], m: number) {
  if (m % 1440 === 0) return t("dl.lead.d", { n: m / 1440 });
  if (m % 60 === 0) return t("dl.lead.h", { n: m / 60 });
  return t("dl.lead.m", { n: m });
}

export function DeadlinesPage() {
  const { t, lang } = useI18n();
  const { message, modal } = AntApp.useApp();
  const attempt = useAttempt();
  const [overview, setOverview] = useState<DeadlineOverview | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [editError, setEditError] = useState<string | null>(null);
  const [editBase, setEditBase] = useState<Round | null>(null);
  const now = useClock(offset);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const timeline = useTimeline();
  const shareTimeline = timeline.accept;
  const accept = useCallback(
    (o: DeadlineOverview) => {
      setOverview(o);
      setError(null);
      setOffset(Date.parse(o.now) - Date.now());
      // One timeline: the banner and the other pages see the same round and publicity.
      shareTimeline(o);
    },
    [shareTimeline],
  );

  const refresh = useCallback(async () => {
    try {
      // Due reminders are delivered by ReminderBanners, on whatever page is open.
      accept(await api.deadlines());
    } catch (e) {
      setError(toErrorPayload(e));
    }
  }, [accept]);

  useEffect(() => {
    void refresh();
    const id = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(id);
  }, [refresh]);

  const run = async (f: () => Promise<DeadlineOverview>) => {
    await attempt(async () => {
      accept(await f());
    });
  };

  const setPrefs = (patch: Partial<DeadlinePreferences>, delay = 0) => {
    if (!overview) return;
    const s = overview.settings;
    const prefs: DeadlinePreferences = {
      active_round: s.active_round,
      lead_minutes: s.lead_minutes,
      count_start_day: s.count_start_day,
      step_days: s.step_days,
      ...patch,
    };
    setOverview({ ...overview, settings: { ...s, ...prefs } });
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void run(() => api.setDeadlinePreferences(prefs)), delay);
  };

  const today = beijingDate(now);
  const plan = overview?.plan;
  const tooLate = !!overview && !overview.round_over && todayTooLate(overview.publicity);
  const items = useMemo(() => {
    if (!overview || !plan) return [];
    const items = plan.items.map((item, i) => {
      const critical = item.kind === "publicity";
      const reviewIndex = plan.items.slice(0, i).filter((x) => x.kind === "review").length;
      const dates = item.start === item.end ? item.start : `${item.start} → ${item.end}`;
      return {
        key: `${i}`,
        date: item.start,
        color: critical ? "red" : item.kind === "deadline" ? "gray" : "blue",
        children: (
          <Space orientation="vertical" size={0} data-testid={critical ? "plan-publicity" : undefined}>
            <Typography.Text strong={critical} type={critical ? "danger" : undefined}>
              {item.kind === "publicity"
                ? `${t("dl.publicity")}${t("list.paren", { x: t("dl.workdays", { n: item.workdays }) })}`
                : item.kind === "deadline"
                  ? t("dl.deadline")
                  : t("dl.review", { node: item.name })}
            </Typography.Text>
            <Space size={4}>
              <Typography.Text type="secondary">{dates}</Typography.Text>
              {item.late && (
                <Tag color="red" data-testid="plan-late">
                  {t("tl.lateTag")}
                </Tag>
              )}
            </Space>
            {item.kind === "review" && (
              <Space size={4}>
                <InputNumber
                  size="small"
                  min={0}
                  max={60}
                  value={overview.settings.step_days[reviewIndex] ?? 0}
                  aria-label={`${t("dl.review", { node: item.name })} ${t("dl.stepDays")}`}
                  onChange={(v) => {
                    const days = [...overview.settings.step_days];
                    const steps = plan.items.filter((x) => x.kind === "review").length;
                    while (days.length < steps) days.push(0);
                    days[reviewIndex] = Math.max(0, Math.min(60, Math.round(Number(v ?? 0))));
                    setPrefs({ step_days: days }, 500);
                  }}
                />
                <Typography.Text type="secondary">{t("dl.stepDays")}</Typography.Text>
              </Space>
            )}
          </Space>
        ),
      };
    });
    // Never a green marker on a day that is already too late for the publicity.
    const todayColor = tooLate ? "red" : "green";
    const todayItem = {
      key: "today",
      date: today,
      color: todayColor,
      children: (
        <Tag color={todayColor} data-testid="plan-today">
          {t("dl.today", { date: today })}
        </Tag>
      ),
    };
    const at = items.findIndex((x) => x.date > today);
    if (at === -1) items.push(todayItem);
    else items.splice(at, 0, todayItem);
    return items.map(({ key, color, children }) => ({ key, color, children }));
    // setPrefs is stable enough for rendering; it reads the latest overview when called.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [overview, plan, t, today, tooLate]);

  if (error) {
    return (
      <Alert
        type="error"
        showIcon
        message={t("dl.loadFailed")}
        description={errorText(t, error)}
        action={
          error.code === "corrupt_file" ? (
            <Button onClick={() => void run(api.resetDeadlineSettings)}>{t("dl.reset")}</Button>
          ) : undefined
        }
      />
    );
  }
  if (!overview || !plan) return null;

  const latest = plan.latest_publicity_start;
  const importRound = async () => {
    await attempt(async () => {
      const o = await api.importRound();
      if (o) accept(o);
    });
  };
  const exportIcs = async () => {
    await attempt(async () => {
      const path = await api.exportIcs();
      if (path) message.success(t("dl.exported", { path }));
    });
  };
  const startEdit = async () => {
    setEditError(null);
    const text = await api.roundJson(overview.round.id);
    const round = JSON.parse(text) as Round;
    // The built-in round cannot be overwritten: start a new one from it, under a new id.
    if (overview.rounds.find((r) => r.id === round.id)?.builtin) round.id = `${round.id}-new`;
    setEditBase(round);
    setEditing(JSON.stringify(round, null, 2));
  };
  const saveEdit = async () => {
    if (editing === null) return;
    try {
      accept(await api.saveRound(editing, true));
      setEditing(null);
    } catch (e) {
      setEditError(errorText(t, e as ErrorPayload));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap style={{ width: "100%", justifyContent: "space-between" }}>
        <Space wrap>
          <Typography.Text>{t("dl.round")}</Typography.Text>
          <Select
            style={{ minWidth: 360 }}
            value={overview.settings.active_round}
            onChange={(v) => setPrefs({ active_round: v })}
            options={overview.rounds.map((r) => ({
              value: r.id,
              label: `${r.notice} · ${r.title}${r.builtin ? t("list.paren", { x: t("dl.builtin") }) : ""}`,
            }))}
          />
          {!overview.rounds.find((r) => r.id === overview.round.id)?.builtin && (
            <Button
              danger
              onClick={() =>
                modal.confirm({
                  // Enter or Space on a destructive question keeps things as they are.
                  autoFocusButton: "cancel",
                  title: t("dl.removeRound"),
                  content: t("dl.removeRoundConfirm", { title: overview.round.title }),
                  okText: t("common.confirm"),
                  cancelText: t("common.cancel"),
                  onOk: () => run(() => api.removeRound(overview.round.id)),
                })
              }
            >
              {t("dl.removeRound")}
            </Button>
          )}
        </Space>
        <Space wrap>
          <Button type="primary" ghost onClick={() => timeline.openTool("new")} data-testid="new-round">
            {t("tl.newRound")}
          </Button>
          <Button onClick={() => timeline.openTool("paste")} data-testid="paste-notice">
            {t("tl.pasteNotice")}
          </Button>
          <Button icon={<ImportOutlined />} onClick={() => void importRound()}>
            {t("dl.importRound")}
          </Button>
          <Button onClick={() => void startEdit()}>{t("dl.editRound")}</Button>
          <Button type="primary" icon={<ExportOutlined />} onClick={() => void exportIcs()}>
            {t("dl.exportIcs")}
          </Button>
        </Space>
      </Space>

      <Typography.Text type="secondary" data-testid="beijing-now">
        {t("dl.now", { time: formatBeijing(now, lang, true) })}
      </Typography.Text>

      {/* A closed round is said by the banner every page shows (RoundBanner). */}

      <Row gutter={[16, 16]}>
        {overview.windows.map((w) => (
          <Col xs={24} lg={12} key={w.id}>
            <Countdown w={w} now={now} notice={overview.round.notice} />
          </Col>
        ))}
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={<Space><CalendarOutlined />{t("dl.plan")}</Space>}>
            <Space orientation="vertical" style={{ width: "100%" }}>
              {overview.round_over ? (
                <Alert type="info" showIcon data-testid="latest-start" title={t("dl.latestStart", { date: latest })} />
              ) : (
                <PublicityFitAlert p={overview.publicity} full t={t} />
              )}
              <Typography.Text type="secondary">
                {t("dl.planHint", { n: plan.items[0].workdays, clause: overview.publicity_start.clause })}
              </Typography.Text>
              {overview.chain ? (
                <Typography.Text type="secondary">{t("dl.chain", { clause: overview.chain.clause, text: overview.chain.text })}</Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t("dl.noChain")}</Typography.Text>
              )}
              {plan.unknown_from && (
                <Alert type="warning" showIcon title={t("dl.unknownHolidays", { date: plan.unknown_from, year: overview.holidays_known_until })} />
              )}
              <Space>
                <Switch
                  checked={overview.settings.count_start_day}
                  onChange={(v) => setPrefs({ count_start_day: v })}
                  aria-label={t("dl.countStart")}
                />
                <Typography.Text>{t("dl.countStart")}</Typography.Text>
              </Space>
              <Timeline style={{ marginTop: 12 }} items={items} />
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={<Space><BellOutlined />{t("dl.reminders")}</Space>}>
            <Space orientation="vertical" style={{ width: "100%" }}>
              <Typography.Text>{t("dl.leadTimes")}</Typography.Text>
              <Select
                mode="multiple"
                style={{ width: "100%" }}
                value={overview.settings.lead_minutes}
                onChange={(v: number[]) => setPrefs({ lead_minutes: v })}
                options={Array.from(new Set([...LEAD_CHOICES, ...overview.settings.lead_minutes]))
                  .sort((a, b) => b - a)
                  .map((m) => ({ value: m, label: leadLabel(t, m) }))}
              />
              <Typography.Text type="secondary">{t("dl.remindersHint")}</Typography.Text>
            </Space>
          </Card>
        </Col>
      </Row>

      <NewRoundModal
        tool={timeline.tool}
        base={overview.round.title}
        onClose={() => timeline.openTool(null)}
        onCreated={(o) => {
          accept(o);
          timeline.openTool(null);
          message.success(t("tl.created"));
        }}
      />
      <Modal
        open={editing !== null}
        title={t("dl.editTitle")}
        width={900}
        okText={t("dl.save")}
        cancelText={t("common.cancel")}
        onOk={() => void saveEdit()}
        onCancel={() => setEditing(null)}
      >
        <RoundEditor base={editBase} json={editing ?? ""} onJson={setEditing} error={editError} />
      </Modal>
    </Space>
  );
}
