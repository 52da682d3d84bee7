// A form for a round (next year's notice comes with new dates): the windows in Beijing time, the clause
// of each with the notice's words, and the publicity length. It writes the round JSON that the Rust
// side validates; the JSON itself stays editable under 高级.
import { Alert, Col, DatePicker, Form, Input, InputNumber, Row, Tabs, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import type { Round } from "../bindings";
import { useI18n } from "../i18n/I18n";

/** "2023-11-03T17:00:00+08:00" → a picker value showing 2023-11-03 17:00 (Beijing wall time, whatever the zone). */
export function wallTime(rfc3339: string): Dayjs {
  return dayjs(`${rfc3339.slice(0, 10)} ${rfc3339.slice(11, 16)}`, "YYYY-MM-DD HH:mm");
}

/** A picked wall time → the same wall time in Beijing, "+08:00". */
export function beijingRfc3339(d: Dayjs): string {
  return `${d.format("YYYY-MM-DD")}T${d.format("HH:mm")}:00+08:00`;
}

type WindowValues = { label: string; opens: Dayjs; closes: Dayjs; clause: string; text: string };
type Values = {
  id: string;
  title: string;
  notice: string;
  submission: WindowValues;
  payment: WindowValues;
  publicity: number;
  publicity_clause: string;
  publicity_text: string;
  cutoff: Dayjs;
};

export function toValues(r: Round): Values {
  const w = (id: string): WindowValues => {
    const x = r.windows.find((v) => v.id === id) ?? r.windows[0];
    return { label: x.label, opens: wallTime(x.opens_at), closes: wallTime(x.closes_at), clause: x.clause, text: x.text };
  };
  return {
    id: r.id,
    title: r.title,
    notice: r.notice,
    submission: w("submission"),
    payment: w("payment"),
    publicity: r.unit_publicity_workdays.value,
    publicity_clause: r.unit_publicity_workdays.clause,
    publicity_text: r.unit_publicity_workdays.text,
    cutoff: dayjs(r.work_time_cutoff.value),
  };
}

export function fromValues(base: Round, v: Values): Round {
  const w = (id: string, x: WindowValues) => ({
    id,
    label: x.label.trim(),
    opens_at: beijingRfc3339(x.opens),
    closes_at: beijingRfc3339(x.closes),
    clause: x.clause.trim(),
    text: x.text.trim(),
  });
  return {
    ...base,
    id: v.id.trim(),
    title: v.title.trim(),
    notice: v.notice.trim(),
    windows: [w("submission", v.submission), w("payment", v.payment), ...base.windows.filter((x) => x.id !== "submission" && x.id !== "payment")],
    unit_publicity_workdays: { value: v.publicity, clause: v.publicity_clause.trim(), text: v.publicity_text.trim() },
    work_time_cutoff: { ...base.work_time_cutoff, value: v.cutoff.format("YYYY-MM-DD") },
  };
}

export function RoundEditor({
  base,
  json,
  onJson,
  error,
}: {
  base: Round | null;
  json: string;
  onJson: (text: string) => void;
  error: string | null;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (base) form.setFieldsValue(toValues(base));
  }, [base, form]);
  const req = [{ required: true, message: t("dl.form.required") }];
  const windowFields = (name: "submission" | "payment", title: string) => (
    <>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name={[name, "label"]} label={t("dl.form.label")} rules={req}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={[name, "opens"]} label={t("dl.form.opens")} rules={req}>
            <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={[name, "closes"]} label={t("dl.form.closes")} rules={req}>
            <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={[name, "clause"]} label={t("dl.form.clause")} rules={req}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={18}>
          <Form.Item name={[name, "text"]} label={t("dl.form.text")} rules={req}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
  return (
    <Tabs
      items={[
        {
          key: "form",
          label: t("dl.form.tab"),
          children: (
            <Form<Values>
              form={form}
              layout="vertical"
              size="small"
              onValuesChange={(_, all) => {
                if (base && all.submission?.opens && all.submission?.closes && all.payment?.opens && all.payment?.closes && all.cutoff) {
                  onJson(JSON.stringify(fromValues(base, all), null, 2));
                }
              }}
            >
              <Typography.Paragraph type="secondary">{t("dl.editHint")}</Typography.Paragraph>
              {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item name="id" label={t("dl.form.id")} rules={req}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="notice" label={t("dl.form.notice")} rules={req}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="cutoff" label={t("dl.form.cutoff")} rules={req}>
                    <DatePicker style={{ width: "100%" }} />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item name="title" label={t("dl.form.title")} rules={req}>
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
              {windowFields("submission", t("dl.form.submission"))}
              {windowFields("payment", t("dl.form.payment"))}
              <Typography.Title level={5}>{t("dl.publicity")}</Typography.Title>
              <Row gutter={12}>
                <Col span={6}>
                  <Form.Item name="publicity" label={t("dl.form.publicityDays")} rules={req}>
                    <InputNumber min={1} max={60} precision={0} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name="publicity_clause" label={t("dl.form.clause")} rules={req}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="publicity_text" label={t("dl.form.text")} rules={req}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
                  </Form.Item>
                </Col>
              </Row>
            </Form>
          ),
        },
        {
          key: "json",
          label: t("dl.form.json"),
          children: (
            <>
              {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
              <Input.TextArea
                value={json}
                onChange={(e) => onJson(e.target.value)}
                autoSize={{ minRows: 14, maxRows: 24 }}
                spellCheck={false}
                style={{ fontFamily: "monospace", fontSize: 12 }}
              />
            </>
          ),
        },
      ]}
    />
  );
}
