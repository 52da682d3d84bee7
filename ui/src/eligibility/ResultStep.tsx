// 评估结果: a card per level — eligible or not, each condition ✓/✗ with its clause and the notice's words,
// what counts and why the rest does not, the gap, the fee; then the submission chain.
import { CheckCircleFilled, CloseCircleFilled, InfoCircleOutlined, WarningOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Collapse, List, Space, Steps, Tag, Typography } from "antd";
import type { Achievement, AltResult, Assessment, Finding, LevelResult } from "../bindings";
import type { MessageKey } from "../i18n/catalog";
import { useI18n } from "../i18n/I18n";
import { PublicityStatus, useTimeline } from "../deadlines/Timeline";
import { formatBeijing } from "../deadlines/time";
import { glossed, notice, renderBasis, renderCheck, renderReason, renderReasons, routeMissingNote } from "./reasons";

function Alt({ alt, titles }: { alt: AltResult; titles: (id: string) => string }) {
  const { t, lang } = useI18n();
  const progress =
    alt.revenue_needed_wan !== null
      ? t("el.result.revenue", { have: alt.revenue_wan ?? 0, need: alt.revenue_needed_wan })
      : t("el.result.counted", { n: alt.counted.length, count: alt.count });
  return (
    <div style={{ marginLeft: 24 }}>
      <Typography.Text type={alt.met ? "success" : "secondary"}>
        {notice(alt.need, alt.need_en, lang)}
        {t("list.colon")}
        {progress}
        {alt.counted.length > 0 && t("list.paren", { x: alt.counted.map(titles).join(t("list.sep")) })}
      </Typography.Text>
      {alt.rejected.map((r) => (
        <div key={r.id} style={{ marginLeft: 16 }}>
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            {t("el.result.rejected")} {r.title}
            {t("list.colon")}
            {renderReasons(r.reasons, t, lang)}
          </Typography.Text>
        </div>
      ))}
      {alt.also && (
        <div>
          <Typography.Text type="secondary">{t("el.result.also")}</Typography.Text>
          <Alt alt={alt.also} titles={titles} />
        </div>
      )}
    </div>
  );
}

/** 预审: answers that contradict each other, each with a button to the field at fault. */
function Prereview({ findings, onJump }: { findings: Finding[]; onJump: (field: string) => void }) {
  const { t, lang } = useI18n();
  return (
    <Card size="small" title={t("el.prereview.title")} data-testid="prereview">
      {findings.length === 0 ? (
        <Typography.Text type="success">{t("el.prereview.none")}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={findings}
          renderItem={(f, i) => (
            <List.Item
              data-testid={`finding-${f.code}`}
              key={i}
              actions={
                f.fields.length > 0
                  ? [
                      <Button key="go" size="small" onClick={() => onJump(f.fields[0])}>
                        {t("el.prereview.jump")}
                      </Button>,
                    ]
                  : []
              }
            >
              <Space align="start">
                {f.severity === "warning" ? <WarningOutlined style={{ color: "#d97706" }} /> : <InfoCircleOutlined style={{ color: "#2563eb" }} />}
                <span>
                  {renderCheck(f, t)}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {" "}
                    {lang === "zh" ? `〔${renderBasis(f, t)}〕` : `[${renderBasis(f, t)}]`}
                  </Typography.Text>
                </span>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export function ResultStep({
  assessment,
  achievements,
  findings = null,
  onJump = () => undefined,
  onNext,
}: {
  assessment: Assessment;
  achievements: Achievement[];
  findings?: Finding[] | null;
  onJump?: (field: string) => void;
  /** Where to go next once a level is reached: the evidence checklist or the publicity sheet. */
  onNext?: (page: "evidence" | "sheet") => void;
}) {
  const { t, lang } = useI18n();
  const { overview } = useTimeline();
  // Closed by the clock the app runs on (the round's submission close has passed).
  const closed =
    !!assessment.round &&
    (overview ? Date.parse(overview.now) : Date.now()) >= Date.parse(assessment.round.submission_closes_at);
  const titles = (id: string) => achievements.find((a) => a.id === id)?.title ?? id;
  const eligible = assessment.eligible_levels.map((l) => t(`el.level.${l}` as MessageKey));
  // The levels reached first; the others below, folded, with how much each still lacks (all shown
  // open when none is reached: then the gaps are what matters).
  const isReached = (l: LevelResult) => !assessment.excluded && l.eligible;
  const reached = assessment.levels.filter(isReached);
  const others = assessment.levels.filter((l) => !isReached(l));
  const card = (l: LevelResult) => (
    <Card
      key={l.level}
      size="small"
      data-testid={`level-${l.level}`}
      title={
        <Space>
          <span>{t(`el.level.${l.level}` as MessageKey)}</span>
          <Tag color={assessment.excluded ? "red" : l.eligible ? "green" : "default"}>
            {assessment.excluded ? t("el.result.excluded") : l.eligible ? t("el.result.eligible") : t("el.result.notEligible")}
          </Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {l.clause}
          </Typography.Text>
        </Space>
      }
      extra={l.fee && <Typography.Text type="secondary">{t("el.result.fee", { yuan: l.fee.yuan, clause: l.fee.clause })}</Typography.Text>}
    >
      <Typography.Paragraph>
        {l.education.met ? <CheckCircleFilled style={{ color: "#16a34a" }} /> : <CloseCircleFilled style={{ color: "#dc2626" }} />}{" "}
        <Typography.Text strong>{t("el.result.education")}</Typography.Text>{" "}
        {l.education.rows
          .filter((r) => r.row === l.education.used_row || (!l.education.met && r.qualified))
          .map((r) => `${t(`el.row.${r.row}` as MessageKey)}${t("clause.sep")}${r.years ? t("el.rowYears", { n: r.years }) : t("el.rowNoYears")}${r.met ? "" : t("list.paren", { x: t("el.rowShort", { n: r.months_short }) })}`)
          .join(t("list.semi"))}
      </Typography.Paragraph>
      <Typography.Text strong>{t("el.result.conditions")}</Typography.Text>
      <List
        size="small"
        dataSource={l.conditions}
        renderItem={(c) => (
          <List.Item style={{ display: "block" }} data-testid={`cond-${c.clause}`}>
            <div>
              {c.met ? <CheckCircleFilled style={{ color: "#16a34a" }} /> : <CloseCircleFilled style={{ color: "#d1d5db" }} />}{" "}
              <Typography.Text strong={c.met}>{c.clause}</Typography.Text>{" "}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.text}
              </Typography.Text>
            </div>
            {c.alternatives
              .filter((a) => a.counted.length || a.rejected.length || c.met || (a.revenue_wan ?? 0) > 0)
              .map((a, i) => (
                <Alt key={i} alt={a} titles={titles} />
              ))}
          </List.Item>
        )}
      />
      {l.gap.length > 0 && (
        <Alert
          style={{ marginTop: 8 }}
          type="info"
          data-testid={`gap-${l.level}`}
          message={t("el.result.gap")}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {l.gap.map((g, i) => (
                <li key={i}>{renderReason(g, t, lang)}</li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  );
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size="middle">
      {assessment.round && (
        <Typography.Text strong={closed} type={closed ? "warning" : undefined} data-testid="result-round">
          {closed
            ? t("tl.basisClosed", {
                title: assessment.round.title,
                date: formatBeijing(Date.parse(assessment.round.submission_closes_at), lang),
              })
            : t("tl.basis", { title: assessment.round.title })}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" data-testid="result-basis">
        {t("el.result.basis", {
          notice: assessment.notice,
          month: assessment.apply_month,
          start: assessment.window_start,
          end: assessment.window_end,
        })}
      </Typography.Text>
      <PublicityStatus />
      {assessment.excluded ? (
        <Alert
          type="error"
          showIcon
          message={t("el.excluded", { reason: glossed(assessment.excluded.reason, assessment.excluded.reason_en, lang), clause: assessment.excluded.clause })}
        />
      ) : (
        <Alert
          type={eligible.length ? "success" : "warning"}
          showIcon
          data-testid="result-summary"
          message={
            eligible.length
              ? t("el.result.summary", { levels: eligible.join(t("list.sep")) })
              : assessment.route_missing && assessment.levels.length === 0
                ? t("el.result.cannot")
                : t("el.result.none")
          }
          description={
            eligible.length > 0 && onNext ? (
              <Space wrap data-testid="result-next">
                <Typography.Text>{t("el.result.next")}</Typography.Text>
                <Button size="small" type="primary" onClick={() => onNext("evidence")}>
                  {t("el.result.nextEvidence")}
                </Button>
                <Button size="small" onClick={() => onNext("sheet")}>
                  {t("el.result.nextSheet")}
                </Button>
              </Space>
            ) : undefined
          }
        />
      )}
      {assessment.route_missing && <Alert type="warning" showIcon title={routeMissingNote(assessment, t, lang)} />}
      {reached.map(card)}
      {others.length > 0 &&
        (reached.length > 0 ? (
          <Collapse
            data-testid="result-others"
            items={[
              {
                key: "others",
                forceRender: true,
                label: t("el.result.others", {
                  levels: others.map((l) => `${t(`el.level.${l.level}` as MessageKey)}${l.gap.length ? t("el.result.othersGap", { n: l.gap.length }) : ""}`).join(t("list.sep")),
                }),
                children: <Space orientation="vertical" style={{ width: "100%" }}>{others.map(card)}</Space>,
              },
            ]}
          />
        ) : (
          others.map(card)
        ))}
      {findings && <Prereview findings={findings} onJump={onJump} />}
      <Card size="small" title={assessment.chain ? t("el.result.chain", { clause: assessment.chain.clause }) : undefined}>
        {assessment.chain ? (
          <Space orientation="vertical" style={{ width: "100%" }}>
            {/* The chain is a route to follow, not a record of steps done: numbered, never ticked. */}
            <Steps size="small" items={assessment.chain.nodes.map((n) => ({ title: n, status: "wait" as const }))} />
            {assessment.chain.requirements.map((r, i) => (
              <Typography.Text key={i} type="secondary" style={{ fontSize: 12 }}>
                {r.clause} {r.text}
              </Typography.Text>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t("el.result.noChain")}</Typography.Text>
        )}
      </Card>
    </Space>
  );
}
