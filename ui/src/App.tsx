import { App as AntApp, Alert, Button, Card, Result, Space, Spin, Steps } from "antd";
import dayjs from "dayjs";
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import type { Achievement, Assessment, ErrorPayload, Finding, Loaded, RulePack, Screening } from "./bindings";
import { api, errorText, toErrorPayload } from "./api/ipc";
import { useAttempt } from "./api/useAttempt";
import { ReminderBanners } from "./deadlines/ReminderBanners";
import { RoundBanner, TimelineProvider } from "./deadlines/Timeline";
import { EducationStep } from "./eligibility/EducationStep";
import { ScreeningStep } from "./eligibility/ScreeningStep";
import { useI18n } from "./i18n/I18n";
import { ProfileForm } from "./profile/ProfileForm";
import { filledCount, fromForm } from "./profile/formModel";
import { AppShell, type Page } from "./shell/AppShell";
import type { MissingField } from "./sheetBindings";

// Pages other than the first are loaded when first opened: the first screen's code stays small.
const DeadlinesPage = lazy(() => import("./deadlines/DeadlinesPage").then((m) => ({ default: m.DeadlinesPage })));
const EvidencePage = lazy(() => import("./evidence/EvidencePage").then((m) => ({ default: m.EvidencePage })));
const SheetPage = lazy(() => import("./sheet/SheetPage").then((m) => ({ default: m.SheetPage })));
const AchievementsStep = lazy(() => import("./eligibility/AchievementsStep").then((m) => ({ default: m.AchievementsStep })));
const ResultStep = lazy(() => import("./eligibility/ResultStep").then((m) => ({ default: m.ResultStep })));

type LoadState = { kind: "loading" } | { kind: "ready"; loaded: Loaded } | { kind: "failed"; error: ErrorPayload };

const STEP_KEYS = ["wizard.basic", "wizard.exclusions", "wizard.education", "wizard.achievements", "wizard.result"] as const;

export function App() {
  const { t } = useI18n();
  const { modal, message } = AntApp.useApp();
  const attempt = useAttempt();
  const [state, setState] = useState<LoadState>({ kind: "loading" });
  const [workspace, setWorkspace] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [page, setPage] = useState<Page>("assessment");
  const [step, setStep] = useState(0);
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [rules, setRules] = useState<RulePack | null>(null);
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const [screening, setScreening] = useState<Screening | null>(null);
  const [achievements, setAchievements] = useState<Achievement[]>([]);
  const flushProfile = useRef<(() => Promise<void>) | null>(null);
  // After 下一步 / 上一步 the keyboard continues at the new step's heading, not on the button.
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);
  useEffect(() => {
    if (focusHeading.current) {
      focusHeading.current = false;
      stepHeading.current?.focus();
    }
  }, [step]);
  const currentProfile = useRef<(() => ReturnType<typeof fromForm>) | null>(null);

  const adopt = useCallback((loaded: Loaded) => {
    setState({ kind: "ready", loaded });
    setScreening(loaded.file.screening);
    setAchievements(loaded.file.achievements);
  }, []);

  const load = useCallback(async () => {
    setState({ kind: "loading" });
    try {
      adopt(await api.loadProfile());
    } catch (e) {
      setState({ kind: "failed", error: toErrorPayload(e) });
    }
    api.workspaceInfo().then((i) => setWorkspace(i.root), () => setWorkspace(null));
    api.rules().then(setRules, () => setRules(null));
  }, [adopt]);

  useEffect(() => {
    void load();
  }, [load]);

  const refreshAssessment = useCallback(async () => {
    await attempt(async () => {
      setAssessment(await api.assess());
    });
  }, [attempt]);

  const goTo = async (n: number) => {
    // The profile form saves after a short pause; make sure the assessment sees the latest edits.
    await flushProfile.current?.();
    setStep(n);
    focusHeading.current = true;
    if (n > 0) await refreshAssessment();
    if (n === 4) setFindings(await api.prereview().catch(() => null));
  };

  // A 预审 finding's field: the page and step where it is filled in.
  const jumpTo = (field: string) => {
    if (field.startsWith("publicity.")) setPage("sheet");
    else if (field === "evidence") setPage("evidence");
    else void goTo(field.startsWith("achievements") ? 3 : field.startsWith("screening.") ? 1 : 0);
  };

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

  const saveScreening = async (s: Screening) => {
    setScreening(s);
    await attempt(async () => {
      setAssessment(await api.saveScreening(s));
    });
  };

  // Resolves to whether the list was saved (the form keeps what the user typed otherwise).
  const saveAchievements = (list: Achievement[]) =>
    attempt(async () => {
      setAssessment(await api.saveAchievements(list));
      setAchievements(list);
    });

  const loadPack = async (extend: boolean) => {
    await attempt(async () => {
      const pack = await api.loadPack(extend);
      if (!pack) return; // the dialog was cancelled
      setRules(pack);
      message.success(t("el.packLoaded"));
      await refreshAssessment();
    });
  };

  const resetPack = async () => {
    await attempt(async () => {
      setRules(await api.resetPack());
      await refreshAssessment();
    });
  };

  const navigate = (p: Page) => {
    if (p === "achievements") {
      setPage("assessment");
      void goTo(3);
    } else if (p === "sheet" || p === "evidence") {
      // The sheet and the checklist are made from the saved file: save what is being typed first.
      void Promise.resolve(flushProfile.current?.()).finally(() => setPage(p));
    } else {
      setPage(p);
    }
  };

  // A field the publicity sheet still lacks: open the page (and step) where it is filled in.
  const goToMissing = (m: MissingField) => {
    if (m.section === "round") {
      setPage("deadlines");
    } else {
      setPage("assessment");
      void goTo(m.section === "screening" ? 1 : 0);
    }
  };

  // What each step asks, filled in? 基本情况: every required field; 申报资格: the three exclusion
  // questions; 学历与年限: education, degree and the field start; 业绩成果: at least one achievement.
  const stepDone = (i: number): boolean => {
    if (state.kind !== "ready") return false;
    const p = currentProfile.current?.() ?? state.loaded.file.profile;
    const s = screening;
    switch (i) {
      case 0: {
        const c = filledCount(p);
        return c.done === c.total;
      }
      case 1:
        return !!s && s.civil_servant !== null && s.retired !== null && s.penalty_period !== null;
      case 2:
        return p.education !== null && p.degree !== null && p.field_start_month !== null;
      case 3:
        return achievements.length > 0;
      default:
        return false;
    }
  };

  let body;
  if (state.kind === "loading") {
    body = (
      <Spin description={t("load.loading")} size="large">
        <div style={{ height: 200 }} />
      </Spin>
    );
  } else if (state.kind === "failed") {
    const e = state.error;
    const corrupt = e.code === "corrupt_file";
    body = (
      <Result
        status="warning"
        title={corrupt ? t("load.corruptTitle") : t("load.failedTitle")}
        subTitle={
          <Space orientation="vertical">
            <span data-testid="load-error">{errorText(t, e)}</span>
            {corrupt && <span>{t("load.corruptBody")}</span>}
            {corrupt && !e.backup && <span>{t("load.noBackup")}</span>}
          </Space>
        }
        extra={
          corrupt ? (
            <Space>
              {e.backup && (
                <Button type="primary" loading={busy} onClick={() => void act(() => api.restoreBackup(e.backup!.name))}>
                  {t("load.restore", { time: dayjs(e.backup.saved_at).format("YYYY-MM-DD HH:mm") })}
                </Button>
              )}
              <Button
                danger
                disabled={busy}
                onClick={() =>
                  modal.confirm({
                    // Enter or Space on a destructive question keeps things as they are.
                    autoFocusButton: "cancel",
                    title: t("load.startOverConfirmTitle"),
                    content: t("load.startOverConfirmBody"),
                    okText: t("common.confirm"),
                    cancelText: t("common.cancel"),
                    onOk: () => act(api.startOver),
                  })
                }
              >
                {t("load.startOver")}
              </Button>
            </Space>
          ) : (
            <Button onClick={() => void load()}>{t("load.retry")}</Button>
          )
        }
      />
    );
  } else {
    const { loaded } = state;
    const ready = rules && assessment && screening;
    body = (
      <Space orientation="vertical" style={{ width: "100%" }} size="middle">
        <Steps
          size="small"
          current={step}
          onChange={(n) => void goTo(n)}
          items={STEP_KEYS.map((k, i) => ({
            title: <span data-testid={`step-${i}`}>{t(k)}</span>,
            // A step is ticked only when what it asks is filled in, not because it was passed.
            status: i === step ? "process" : stepDone(i) ? "finish" : "wait",
          }))}
        />
        <h2 ref={stepHeading} tabIndex={-1} className="step-heading" data-testid="step-heading">
          {t(STEP_KEYS[step])}
        </h2>
        {loaded.migrated_from !== null && <Alert type="info" showIcon message={t("load.migrated", { version: loaded.migrated_from })} />}
        {loaded.personal_locked && (
          <Alert
            type="warning"
            showIcon
            data-testid="personal-locked"
            title={t("load.personalLocked")}
            action={<Button onClick={() => setPage("evidence")}>{t("load.goUnlock")}</Button>}
          />
        )}
        <div style={{ display: step === 0 ? undefined : "none" }}>
          {/* The step heading above names the step; the card needs no title of its own. */}
          <Card variant="borderless">
            <ProfileForm initial={loaded.file.profile} flushRef={flushProfile} currentRef={currentProfile} />
          </Card>
        </div>
        {step === 1 && ready && (
          <ScreeningStep
            rules={rules}
            screening={screening}
            assessment={assessment}
            onChange={(s) => void saveScreening(s)}
            onLoadPack={(extend) => void loadPack(extend)}
            onResetPack={() => void resetPack()}
          />
        )}
        {step === 2 && ready && (
          <EducationStep profile={currentProfile.current?.() ?? loaded.file.profile} assessment={assessment} onEditProfile={() => void goTo(0)} />
        )}
        <Suspense fallback={<Spin />}>
          {step === 3 && ready && <AchievementsStep rules={rules} achievements={achievements} assessment={assessment} onChange={saveAchievements} />}
          {step === 4 && ready && <ResultStep assessment={assessment} achievements={achievements} findings={findings} onJump={jumpTo} onNext={navigate} />}
        </Suspense>
        <Space>
          {step > 0 && <Button onClick={() => void goTo(step - 1)}>{t("wizard.prev")}</Button>}
          {step < STEP_KEYS.length - 1 && (
            <Button type="primary" onClick={() => void goTo(step + 1)} data-testid="wizard-next">
              {t("wizard.next")}
            </Button>
          )}
        </Space>
      </Space>
    );
  }
  return (
    <TimelineProvider>
    <AppShell workspace={workspace} page={page === "assessment" && step === 3 ? "achievements" : page} onNavigate={navigate}>
      <ReminderBanners />
      <RoundBanner onPrepare={() => setPage("deadlines")} />
      {/* The form stays mounted while another page shows, so no edit is lost between pages. */}
      <div style={{ display: page === "assessment" ? undefined : "none" }}>{body}</div>
      <Suspense fallback={<Spin />}>
        {page === "deadlines" && <DeadlinesPage />}
        {page === "sheet" && <SheetPage onGoTo={goToMissing} />}
        {page === "evidence" && (
          <EvidencePage
            onUnlocked={() => {
              // The sealed ID number and phone can be read now: load the profile again.
              if (state.kind === "ready" && state.loaded.personal_locked) void load();
            }}
          />
        )}
      </Suspense>
    </AppShell>
    </TimelineProvider>
  );
}
