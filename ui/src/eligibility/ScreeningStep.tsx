// 申报资格: the route, the exclusion questions of 一（注）, and the application month.
import { Alert, Button, Card, DatePicker, Form, Radio, Space, Typography } from "antd";
import dayjs from "dayjs";
import type { Assessment, Route, RulePack, Screening } from "../bindings";
import type { MessageKey } from "../i18n/catalog";
import { useI18n } from "../i18n/I18n";
import { glossed, routeMissingNote } from "./reasons";

const ROUTES: Route[] = ["first_batch", "regular", "transfer", "additional"];

export function ScreeningStep({
  rules,
  screening,
  assessment,
  onChange,
  onLoadPack,
  onResetPack,
}: {
  rules: RulePack;
  screening: Screening;
  assessment: Assessment | null;
  onChange: (s: Screening) => void;
  onLoadPack?: (extend: boolean) => void;
  onResetPack?: () => void;
}) {
  const { t, lang } = useI18n();
  const answer = (code: string) => (screening as unknown as Record<string, boolean | null>)[code];
  return (
    <Card>
      <Form layout="vertical">
        <Form.Item label={t("el.route")}>
          <Radio.Group
            value={screening.route}
            onChange={(e) => onChange({ ...screening, route: e.target.value as Route })}
            options={ROUTES.map((r) => ({ value: r, label: t(`el.route.${r}` as MessageKey) }))}
          />
        </Form.Item>
        {rules.exclusions.map((q) => (
          <Form.Item
            key={q.code}
            label={glossed(q.question, q.question_en, lang)}
            extra={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {q.clause} {q.text}
              </Typography.Text>
            }
          >
            <Radio.Group
              data-testid={`exclusion-${q.code}`}
              value={answer(q.code)}
              onChange={(e) => onChange({ ...screening, [q.code]: e.target.value as boolean } as Screening)}
              options={[
                { value: false, label: t("el.no") },
                { value: true, label: t("el.yes") },
              ]}
            />
          </Form.Item>
        ))}
        <Form.Item label={t("el.applyMonth")} extra={t("el.applyMonthHelp", {
            first: assessment?.round?.first_month ?? rules.default_apply_month,
            last: assessment?.round?.last_month ?? rules.default_apply_month,
          })}>
          <DatePicker
            picker="month"
            format="YYYY-MM"
            allowClear
            placeholder={assessment?.apply_month ?? rules.default_apply_month}
            // Only the months of the round's submission window (五（三）: achievements count up to the
            // application month); the Rust side refuses any other.
            disabledDate={(d) => {
              const r = assessment?.round;
              if (!r) return false;
              const m = d.format("YYYY-MM");
              return m < r.first_month || m > r.last_month;
            }}
            value={screening.apply_month ? dayjs(`${screening.apply_month}-01`) : null}
            onChange={(d) => onChange({ ...screening, apply_month: d ? d.format("YYYY-MM") : null })}
          />
        </Form.Item>
      </Form>
      {assessment && (
        <Space orientation="vertical" style={{ width: "100%" }}>
          {assessment.excluded ? (
            <Alert
              type="error"
              showIcon
              message={t("el.excluded", { reason: glossed(assessment.excluded.reason, assessment.excluded.reason_en, lang), clause: assessment.excluded.clause })}
            />
          ) : assessment.unanswered.length ? (
            <Alert type="info" showIcon title={t("el.unanswered")} />
          ) : (
            <Alert type="success" showIcon title={t("el.notExcluded")} />
          )}
          {assessment.route_missing && <Alert type="warning" showIcon title={routeMissingNote(assessment, t, lang)} />}
        </Space>
      )}
      <Space orientation="vertical" style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t("el.pack", { notice: rules.notice, id: rules.id })}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("el.packHelp")}
        </Typography.Text>
        {onLoadPack && onResetPack && (
          <Space wrap>
            <Button size="small" onClick={() => onLoadPack(true)}>
              {t("el.packExtend")}
            </Button>
            <Button size="small" onClick={() => onLoadPack(false)}>
              {t("el.packReplace")}
            </Button>
            <Button size="small" onClick={onResetPack}>
              {t("el.packReset")}
            </Button>
          </Space>
        )}
      </Space>
    </Card>
  );
}
