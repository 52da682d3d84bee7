import { App as AntApp, Alert, Button, Card, Result, Space, Spin, Steps } from "antd";
import dayjs from "dayjs";
import { lazy, Suspense, useState } from "react";
import { api, errorText } from "./api/ipc";
import type { Boot } from "./boot";
import { ReminderBanners } from "./deadlines/ReminderBanners";
import { RoundBanner, TimelineProvider } from "./deadlines/Timeline";
import { EducationStep } from "./eligibility/EducationStep";
import { ScreeningStep } from "./eligibility/ScreeningStep";
import { STEP_KEYS, useWizard } from "./eligibility/useWizard";
import { useI18n } from "./i18n/I18n";
import { ProfileForm } from "./profile/ProfileForm";
import { useApplicant } from "./profile/useApplicant";
import { AppShell, type Page } from "./shell/AppShell";
import type { MissingField } from "./sheetBindings";

// Pages other than the first are loaded when first opened: the first screen's code stays small.
const DeadlinesPage = lazy(() => import("./deadlines/DeadlinesPage").then((m) => ({ default: m.DeadlinesPage })));
const EvidencePage = lazy(() => import("./evidence/EvidencePage").then((m) => ({ default: m.EvidencePage })));
const SheetPage = lazy(() => import("./sheet/SheetPage").then((m) => ({ default: m.SheetPage })));
const AchievementsStep = lazy(() => import("./eligibility/AchievementsStep").then((m) => ({ default: m.AchievementsStep })));
const ResultStep = lazy(() => import("./eligibility/ResultStep").then((m) => ({ default: m.ResultStep })));

/** `boot`: the first screen's data, already asked for by main.tsx (boot.ts). */
export function App({ boot }: { boot?: Boot } = {}) {
  const { t } = useI18n();
  const { modal } = AntApp.useApp();
  const [page, setPage] = useState<Page>("assessment");
  const wizard = useWizard();
  const { step, goTo, rules, assessment, screening, achievements, findings, flushProfile, currentProfile } = wizard;
  const { state, workspace, busy, load, act } = useApplicant(wizard.adopt, boot?.profile);

  // A 预审 finding's field: the page and step where it is filled in.
  const jumpTo = (field: string) => {
    if (field.startsWith("publicity.")) setPage("sheet");
    else if (field === "evidence") setPage("evidence");
    else void goTo(field.startsWith("achievements") ? 3 : field.startsWith("screening.") ? 1 : 0);
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
            status: i === step ? "process" : wizard.stepDone(i, loaded) ? "finish" : "wait",
          }))}
        />
        <h2 ref={wizard.stepHeading} tabIndex={-1} className="step-heading" data-testid="step-heading">
          {t(STEP_KEYS[step])}
        </h2>
        {loaded.migrated_from !== null && <Alert type="info" showIcon title={t("load.migrated", { version: loaded.migrated_from })} />}
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
            onChange={(s) => void wizard.saveScreening(s)}
            onLoadPack={(extend) => void wizard.loadPack(extend)}
            onResetPack={() => void wizard.resetPack()}
          />
        )}
        {step === 2 && ready && (
          <EducationStep profile={currentProfile.current?.() ?? loaded.file.profile} assessment={assessment} onEditProfile={() => void goTo(0)} />
        )}
        <Suspense fallback={<Spin />}>
          {step === 3 && ready && <AchievementsStep rules={rules} achievements={achievements} assessment={assessment} onChange={wizard.saveAchievements} />}
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
    <TimelineProvider first={boot?.deadlines}>
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
