// 业绩成果: the list, and a form per kind that asks exactly for the qualifiers its conditions check,
// with the clauses quoted beside it.
import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import {
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Collapse,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import type { Achievement, Assessment, KindTag, RulePack } from "../bindings";
import type { MessageKey } from "../i18n/catalog";
import { useI18n } from "../i18n/I18n";
import { BLANK, FIELD_TYPES, KINDS, fieldsOf, newId } from "./achievementFields";

const LEVELS = ["national", "provincial", "industry_or_local", "prefecture", "enterprise"] as const;
/** A 团体标准 is a level of standards only. */
const STANDARD_LEVELS = [...LEVELS, "group"] as const;
const BOOK_ROLES = ["chief_editor", "sole_author", "deputy_editor", "contributor"] as const;

type FormValues = Record<string, unknown> & { kind: KindTag; title: string; month: Dayjs | null };

export function AchievementsStep({
  rules,
  achievements,
  assessment,
  onChange,
}: {
  rules: RulePack;
  achievements: Achievement[];
  assessment: Assessment;
  onChange: (list: Achievement[]) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const { modal } = AntApp.useApp();
  const [editing, setEditing] = useState<Achievement | null>(null);
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch("kind", form) as KindTag | undefined;

  const clausesByKind = useMemo(() => {
    const map = new Map<KindTag, { clause: string; text: string }[]>();
    for (const route of rules.routes)
      for (const level of route.levels)
        for (const c of level.conditions)
          for (const alt of c.any_of)
            for (const k of [...alt.kinds, ...(alt.also?.kinds ?? [])]) {
              const list = map.get(k) ?? [];
              if (!list.some((x) => x.clause === c.clause)) list.push({ clause: c.clause, text: c.text });
              map.set(k, list);
            }
    return map;
  }, [rules]);

  const open = (a: Achievement | null) => {
    const base = a ?? ({ id: newId(achievements), title: "", month: null, ...BLANK.invention_patent } as Achievement);
    setEditing(base);
    form.resetFields();
    form.setFieldsValue({ ...(base as unknown as Record<string, unknown>), month: base.month ? dayjs(`${base.month}-01`) : null } as FormValues);
  };

  const save = async () => {
    const v = await form.validateFields();
    if (!editing) return;
    const k = v.kind;
    const detail: Record<string, unknown> = { ...BLANK[k] };
    for (const f of fieldsOf(k)) {
      const value = v[f];
      detail[f] = FIELD_TYPES[f] === "bool" ? !!value : (value ?? null);
    }
    const next = { id: editing.id, title: v.title.trim(), month: v.month ? v.month.format("YYYY-MM") : null, ...detail } as Achievement;
    const list = achievements.some((a) => a.id === editing.id)
      ? achievements.map((a) => (a.id === editing.id ? next : a))
      : [...achievements, next];
    if (await onChange(list)) setEditing(null);
  };

  // Esc, ×, 取消 or a click outside: a form the user has typed into asks before it is thrown away.
  const closeForm = () => {
    if (!form.isFieldsTouched()) {
      setEditing(null);
      return;
    }
    modal.confirm({
      autoFocusButton: "cancel",
      title: t("el.discardConfirm"),
      okText: t("el.discard"),
      cancelText: t("el.keepEditing"),
      okButtonProps: { danger: true },
      onOk: () => setEditing(null),
    });
  };

  const remove = (a: Achievement) =>
    modal.confirm({
      // Enter or Space on a destructive question keeps things as they are.
      autoFocusButton: "cancel",
      title: t("el.deleteConfirm", { title: a.title }),
      okText: t("common.confirm"),
      cancelText: t("common.cancel"),
      okButtonProps: { danger: true },
      onOk: () => onChange(achievements.filter((x) => x.id !== a.id)),
    });

  const facts = (a: Achievement) =>
    fieldsOf(a.kind)
      .map((f) => {
        const v = (a as unknown as Record<string, unknown>)[f];
        if (v === null || v === false || v === undefined) return null;
        const label = t(`el.f.${f}` as MessageKey);
        if (v === true) return label;
        if (FIELD_TYPES[f] === "level") return `${label}${t("list.colon")}${t(`el.level.${v}` as MessageKey)}`;
        if (FIELD_TYPES[f] === "authorship") return t(`el.authorship.${v}` as MessageKey);
        if (FIELD_TYPES[f] === "role") return t(`el.role.${v}` as MessageKey);
        return `${label}${t("list.colon")}${v}`;
      })
      .filter(Boolean)
      .join(t("list.semi"));

  const inWindow = (m: string | null) => !!m && m >= assessment.window_start && m <= assessment.window_end;

  const field = (f: string) => {
    const label = t(`el.f.${f}` as MessageKey);
    switch (FIELD_TYPES[f]) {
      case "bool":
        return (
          <Form.Item key={f} name={f} valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>{label}</Checkbox>
          </Form.Item>
        );
      case "level":
        return (
          <Form.Item key={f} name={f} label={label}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              id={`ach_${f}`}
              options={(kind === "standard" && f === "level" ? STANDARD_LEVELS : LEVELS).map((l) => ({
                value: l,
                label: t(`el.level.${l}` as MessageKey),
              }))}
            />
          </Form.Item>
        );
      case "role":
        return (
          <Form.Item key={f} name={f} label={label}>
            <Select allowClear id={`ach_${f}`} options={BOOK_ROLES.map((x) => ({ value: x, label: t(`el.role.${x}` as MessageKey) }))} />
          </Form.Item>
        );
      case "text":
        return (
          <Form.Item key={f} name={f} label={label}>
            <Input id={`ach_${f}`} maxLength={40} style={{ width: 240 }} />
          </Form.Item>
        );
      case "authorship":
        return (
          <Form.Item key={f} name={f} label={label}>
            <Select
              allowClear
              id={`ach_${f}`}
              options={(["sole", "first", "other"] as const).map((x) => ({ value: x, label: t(`el.authorship.${x}` as MessageKey) }))}
            />
          </Form.Item>
        );
      case "rank":
        return (
          <Form.Item key={f} name={f} label={label}>
            <InputNumber id={`ach_${f}`} min={1} max={99} precision={0} style={{ width: 160 }} />
          </Form.Item>
        );
      default:
        return (
          <Form.Item key={f} name={f} label={label}>
            {/* No rounding: amounts are compared exactly, so 2499.995 must stay 2499.995. */}
            <InputNumber id={`ach_${f}`} min={0} max={100000000} step={0.01} style={{ width: 200 }} />
          </Form.Item>
        );
    }
  };

  return (
    <Card
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open(null)} data-testid="add-achievement">
          {t("el.add")}
        </Button>
      }
    >
      {achievements.length === 0 ? (
        <Empty description={t("el.empty", { start: assessment.window_start, end: assessment.window_end })} />
      ) : (
        <Table<Achievement>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={achievements}
          columns={[
            { title: t("el.col.title"), dataIndex: "title" },
            { title: t("el.col.kind"), width: 160, render: (_, a) => t(`el.kind.${a.kind}` as MessageKey) },
            {
              title: t("el.col.month"),
              width: 110,
              render: (_, a) => (
                <Space style={{ whiteSpace: "nowrap" }}>
                  {a.month ?? "—"}
                  {!inWindow(a.month) && (
                    <Tag color="orange">
                      {a.month && a.month > assessment.window_end ? t("el.afterApply", { month: assessment.window_end }) : t("el.outOfWindow")}
                    </Tag>
                  )}
                </Space>
              ),
            },
            { title: t("el.col.facts"), render: (_, a) => <Typography.Text type="secondary">{facts(a)}</Typography.Text> },
            {
              title: t("el.col.actions"),
              render: (_, a) => (
                <Space>
                  <Button size="small" icon={<EditOutlined />} onClick={() => open(a)} aria-label={`${t("el.edit")} ${a.title}`} />
                  <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(a)} aria-label={`${t("el.delete")} ${a.title}`} />
                </Space>
              ),
            },
          ]}
        />
      )}
      <Modal
        open={editing !== null}
        title={editing && achievements.some((a) => a.id === editing.id) ? t("el.formTitleEdit") : t("el.formTitleNew")}
        okText={t("el.save")}
        cancelText={t("common.cancel")}
        onOk={() => void save()}
        onCancel={closeForm}
        width={720}
        destroyOnHidden
      >
        <Form<FormValues> form={form} layout="vertical" name="ach" preserve={false}>
          <Form.Item name="kind" label={t("el.kind")} rules={[{ required: true }]}>
            <Select
              id="ach_kind"
              showSearch={{ optionFilterProp: "label" }}
              options={KINDS.map((k) => ({ value: k, label: t(`el.kind.${k}` as MessageKey) }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t("el.title")} rules={[{ required: true, whitespace: true, message: t("rule.required", { label: t("el.title") }) }]}>
            <Input id="ach_title" maxLength={200} />
          </Form.Item>
          <Form.Item name="month" label={t("el.month")} rules={[{ required: true, message: t("rule.requiredSelect", { label: t("el.col.month") }) }]}>
            <DatePicker id="ach_month" picker="month" format="YYYY-MM" placeholder={t("placeholder.month")} style={{ width: 300 }} />
          </Form.Item>
          {kind && fieldsOf(kind).map(field)}
          {kind && (clausesByKind.get(kind)?.length ?? 0) > 0 && (
            <Collapse
              size="small"
              items={[
                {
                  key: "c",
                  label: t("el.relatedClauses"),
                  children: (
                    <Space orientation="vertical">
                      {clausesByKind.get(kind)!.map((c) => (
                        <Typography.Text key={c.clause} type="secondary" style={{ fontSize: 12 }}>
                          {c.clause} {c.text}
                        </Typography.Text>
                      ))}
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </Form>
      </Modal>
    </Card>
  );
}
