// The 评估 wizard's state: the step (and the keyboard's place after a step change), the rule pack, the
// screening answers, the achievements and the assessment the shell returns for them, and 预审.
import { useCallback, useEffect, useRef, useState } from "react";
import { App as AntApp } from "antd";
import type { Achievement, Assessment, Finding, Loaded, Profile, RulePack, Screening } from "../bindings";
import { api } from "../api/ipc";
import { useAttempt } from "../api/useAttempt";
import { useI18n } from "../i18n/I18n";
import { filledCount } from "../profile/formModel";

export const STEP_KEYS = ["wizard.basic", "wizard.exclusions", "wizard.education", "wizard.achievements", "wizard.result"] as const;

export function useWizard() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const attempt = useAttempt();
  const [step, setStep] = useState(0);
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [rules, setRules] = useState<RulePack | null>(null);
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const [screening, setScreening] = useState<Screening | null>(null);
  const [achievements, setAchievements] = useState<Achievement[]>([]);
  /** The profile form's: save what is being typed now; read what is in the form. */
  const flushProfile = useRef<(() => Promise<void>) | null>(null);
  const currentProfile = useRef<(() => Profile) | null>(null);

  // After 下一步 / 上一步 the keyboard continues at the new step's heading, not on the button.
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);
  useEffect(() => {
    if (focusHeading.current) {
      focusHeading.current = false;
      stepHeading.current?.focus();
    }
  }, [step]);

  /** A file was loaded: its answers and achievements, and the rule pack in force. */
  const adopt = useCallback((loaded: Loaded) => {
    setScreening(loaded.file.screening);
    setAchievements(loaded.file.achievements);
    api.rules().then(setRules, () => setRules(null));
  }, []);

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

  // What each step asks, filled in? 基本情况: every required field; 申报资格: the three exclusion
  // questions; 学历与年限: education, degree and the field start; 业绩成果: at least one achievement.
  const stepDone = (i: number, saved: Loaded): boolean => {
    const p = currentProfile.current?.() ?? saved.file.profile;
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

  return {
    step,
    goTo,
    stepHeading,
    stepDone,
    findings,
    rules,
    assessment,
    screening,
    achievements,
    adopt,
    saveScreening,
    saveAchievements,
    loadPack,
    resetPack,
    flushProfile,
    currentProfile,
  };
}
