// 基本情况: the wizard's first step. Every change is saved to the workspace after a short pause and
// when a field loses focus; the status line says what happened.
import { Button, Card, Col, DatePicker, Form, Input, Popconfirm, Progress, Radio, Row, Select, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { type MutableRefObject, type ReactElement, cloneElement, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ErrorPayload, Profile } from "../bindings";
import { api, errorText } from "../api/ipc";
import districts from "../generated/districts.json";
import type { MessageKey } from "../i18n/catalog";
import { useI18n } from "../i18n/I18n";
import { filledCount, fromForm, isSealed, toForm, type FormValues } from "./formModel";
import { idNumberRules, monthRules, phoneRules, requiredChoice, requiredText } from "./rules";
import { checkIdNumber, normalizePhone } from "./idcard";

const SAVE_DELAY_MS = 400;

type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: Dayjs } | { kind: "failed"; error: ErrorPayload };

const CROSS_CHECKED = ["id_number", "graduation_month", "field_start_month", "current_title_month"] as const;
const EMPLOYER_KINDS = ["municipal_public", "district_public", "non_public", "freelancer", "out_of_city_branch"] as const;
const EDUCATIONS = ["doctorate", "master", "bachelor", "college", "secondary"] as const;
const DEGREES = ["doctor", "master", "bachelor", "none"] as const;
const HELD_TITLES = ["none", "junior", "intermediate", "senior", "professor"] as const;

export interface ProfileFormProps {
  initial: Profile;
  /** Set to a function that saves pending edits now (before another step reads the workspace). */
  flushRef?: MutableRefObject<(() => Promise<void>) | null>;
  /** Set to a function that returns the form's current profile. */
  currentRef?: MutableRefObject<(() => Profile) | null>;
  /** The current month; a prop so tests can fix it. */
  now?: () => Dayjs;
}

export function ProfileForm({ initial, now = () => dayjs(), flushRef, currentRef }: ProfileFormProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [progress, setProgress] = useState(() => filledCount(initial));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  const pending = useRef<Profile | null>(null);
  const lastSaved = useRef(JSON.stringify(initial));
  const initialValues = useMemo(() => toForm(initial), [initial]);
  const titleLevel = Form.useWatch("current_title_level", form);

  const flush = useCallback(async () => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (inFlight.current) return;
    while (pending.current) {
      const profile = pending.current;
      pending.current = null;
      const json = JSON.stringify(profile);
      if (json === lastSaved.current) continue;
      inFlight.current = true;
      setSave({ kind: "saving" });
      try {
        await api.saveProfile(profile);
        lastSaved.current = json;
        setSave({ kind: "saved", at: dayjs() });
      } catch (e) {
        setSave({ kind: "failed", error: e as ErrorPayload });
      } finally {
        inFlight.current = false;
      }
    }
  }, []);

  useEffect(() => {
    if (flushRef) {
      flushRef.current = async () => {
        if (timer.current) {
          pending.current = fromForm(form.getFieldsValue(true));
        }
        while (inFlight.current) await new Promise((r) => setTimeout(r, 20));
        await flush();
      };
    }
    if (currentRef) currentRef.current = () => fromForm(form.getFieldsValue(true));
  }, [flush, flushRef, currentRef, form]);

  const schedule = useCallback(() => {
    const profile = fromForm(form.getFieldsValue(true));
    pending.current = profile;
    setProgress(filledCount(profile));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  }, [flush, form]);

  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener("beforeunload", onHide);
    document.addEventListener("visibilitychange", onHide);
    return () => {
      window.removeEventListener("beforeunload", onHide);
      document.removeEventListener("visibilitychange", onHide);
      void flush();
    };
  }, [flush]);

  // A restored draft shows its problems at once, not only after the next edit.
  useEffect(() => {
    const touchedFields = Object.entries(initial)
      .filter(([, v]) => v !== null && v !== "")
      .map(([k]) => k as keyof FormValues);
    if (touchedFields.length) void form.validateFields(touchedFields).catch(() => {});
  }, [form, initial]);

  const monthPicker = (field: string) => (
    <DatePicker picker="month" format="YYYY-MM" placeholder={t("placeholder.month")} style={{ width: "100%" }} id={`profile_${field}`} />
  );
  const select = (keys: readonly string[], prefix: string, field: string) => (
    <Select
      id={`profile_${field}`}
      placeholder={t("placeholder.select")}
      options={keys.map((k) => ({ value: k, label: t(`${prefix}.${k}` as MessageKey) }))}
    />
  );

  const status = (() => {
    switch (save.kind) {
      case "idle":
        return <Typography.Text type="secondary">{t("save.idle")}</Typography.Text>;
      case "saving":
        return <Typography.Text type="secondary">{t("save.saving")}</Typography.Text>;
      case "saved":
        return <Typography.Text type="success">{t("save.saved", { time: save.at.format("HH:mm:ss") })}</Typography.Text>;
      case "failed":
        return <Typography.Text type="danger">{t("save.failed", { message: errorText(t, save.error) })}</Typography.Text>;
    }
  })();

  return (
    <Form<FormValues>
      form={form}
      name="profile"
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={(changed: Partial<FormValues>) => {
        // Fields checked against the birth month or gender are re-checked when those change, but only
        // once the user has touched or filled them: an untouched empty field is not an error yet.
        // A valid ID number fills 出生年月 and 性别 when they are still empty (never overwrites them: a
        // difference is flagged by the cross-check instead).
        if (typeof changed.id_number === "string") {
          const r = checkIdNumber(changed.id_number.trim());
          if (r.ok) {
            const fill: Partial<FormValues> = {};
            if (!form.getFieldValue("birth_month")) fill.birth_month = dayjs(`${r.birthMonth}-01`);
            if (!form.getFieldValue("gender")) fill.gender = r.male ? "male" : "female";
            if (Object.keys(fill).length) form.setFieldsValue(fill);
          }
        }
        if ("birth_month" in changed || "gender" in changed) {
          const dependents = CROSS_CHECKED.filter((f) => form.isFieldTouched(f) || !!form.getFieldValue(f));
          if (dependents.length) void form.validateFields(dependents).catch(() => {});
        }
        schedule();
      }}
      onBlur={() => void flush()}
      onFinish={() => void flush()}
      requiredMark
      scrollToFirstError
    >
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }} wrap>
        <div aria-live="polite" data-testid="save-status">
          {status}
        </div>
        <Space>
          <Typography.Text type="secondary" data-testid="progress-text">
            {progress.done === progress.total ? t("progress.complete") : t("progress.filled", progress)}
          </Typography.Text>
          <Progress percent={Math.round((progress.done / progress.total) * 100)} size="small" style={{ width: 140, margin: 0 }} />
        </Space>
      </Space>

      <Card title={t("profile.section.personal")} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="name" label={t("profile.name")} rules={requiredText(t, "name", 40)}>
              <Input autoComplete="off" maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="gender" label={t("profile.gender")} rules={requiredChoice(t, "gender")}>
              <Radio.Group
                options={[
                  { value: "male", label: t("gender.male") },
                  { value: "female", label: t("gender.female") },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="birth_month" label={t("profile.birth_month")} rules={monthRules(t, "birth_month", form, now)}>
              {monthPicker("birth_month")}
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="id_number"
              label={t("profile.id_number")}
              extra={t("help.id_number")}
              rules={idNumberRules(t, form)}
            >
              <SealedOr note={t("profile.sealed")} clear={t("profile.sealedClear")} confirm={t("profile.sealedClearConfirm")}>
                <Input autoComplete="off" maxLength={18} spellCheck={false} />
              </SealedOr>
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label={t("profile.phone")} rules={phoneRules(t)} normalize={normalizePhone}>
              <SealedOr note={t("profile.sealed")} clear={t("profile.sealedClear")} confirm={t("profile.sealedClearConfirm")}>
                <Input autoComplete="off" maxLength={24} inputMode="tel" />
              </SealedOr>
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t("profile.section.employer")} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="employer" label={t("profile.employer")} extra={t("help.employer")} rules={requiredText(t, "employer", 100)}>
              <Input autoComplete="off" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="insurance_employer" label={t("profile.insurance_employer")} extra={t("help.insurance_employer")}>
              <Input id="profile_insurance_employer" autoComplete="off" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="employer_kind"
              label={t("profile.employer_kind")}
              extra={t("help.employer_kind")}
              rules={requiredChoice(t, "employer_kind")}
            >
              {select(EMPLOYER_KINDS, "employer_kind", "employer_kind")}
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="district" label={t("profile.district")} rules={requiredChoice(t, "district")}>
              <Select
                id="profile_district"
                showSearch
                placeholder={t("placeholder.district")}
                options={(districts as string[]).map((d) => ({ value: d, label: d }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="archive_location" label={t("profile.archive_location")} rules={requiredChoice(t, "archive_location")}>
              <Radio.Group
                options={[
                  { value: "chongqing", label: t("archive_location.chongqing") },
                  { value: "outside_chongqing", label: t("archive_location.outside_chongqing") },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t("profile.section.education")} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="education" label={t("profile.education")} rules={requiredChoice(t, "education")}>
              {select(EDUCATIONS, "education", "education")}
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="degree" label={t("profile.degree")} extra={t("help.degree")} rules={requiredChoice(t, "degree")}>
              {select(DEGREES, "degree", "degree")}
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="graduation_month"
              label={t("profile.graduation_month")}
              rules={monthRules(t, "graduation_month", form, now)}
            >
              {monthPicker("graduation_month")}
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="graduate_school" label={t("profile.graduate_school")} rules={requiredText(t, "graduate_school", 60)}>
              <Input autoComplete="off" maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="graduate_major" label={t("profile.graduate_major")} rules={requiredText(t, "graduate_major", 60)}>
              <Input autoComplete="off" maxLength={60} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t("profile.section.career")} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="field_start_month"
              label={t("profile.field_start_month")}
              extra={t("help.field_start_month")}
              rules={monthRules(t, "field_start_month", form, now)}
            >
              {monthPicker("field_start_month")}
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="current_specialty" label={t("profile.current_specialty")} rules={requiredText(t, "current_specialty", 60)}>
              <Input autoComplete="off" maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="current_title_level" label={t("profile.current_title_level")} rules={requiredChoice(t, "current_title_level")}>
              {select(HELD_TITLES, "held_title", "current_title_level")}
            </Form.Item>
          </Col>
          {titleLevel && titleLevel !== "none" && (
            <>
              <Col xs={24} md={8}>
                <Form.Item name="current_title_name" label={t("profile.current_title_name")} rules={requiredText(t, "current_title_name", 60)}>
                  <Input autoComplete="off" maxLength={60} placeholder={t("placeholder.title_name")} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name="current_title_month"
                  label={t("profile.current_title_month")}
                      rules={monthRules(t, "current_title_month", form, now)}
                >
                  {monthPicker("current_title_month")}
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      </Card>
    </Form>
  );
}

/** A field whose value is sealed (the vault is locked) shows that, disabled, and keeps the sealed
 * value as it is; otherwise the field's own input. */
function SealedOr({
  note,
  clear,
  confirm,
  children,
  value,
  ...rest
}: {
  note: string;
  clear: string;
  confirm: string;
  children: ReactElement<Record<string, unknown>>;
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
}) {
  if (isSealed(value))
    return (
      <Space.Compact style={{ width: "100%" }}>
        <Input id={rest.id} disabled value={note} data-sealed="true" />
        <Popconfirm title={confirm} onConfirm={() => rest.onChange?.("")}>
          <Button>{clear}</Button>
        </Popconfirm>
      </Space.Compact>
    );
  return cloneElement(children, { ...rest, value });
}
