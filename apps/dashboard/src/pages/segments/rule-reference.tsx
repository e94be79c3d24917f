// A short reference of the segment language next to the rule editor (the full grammar is in
// packages/analyses/src/segments/LANGUAGE.md): the fields a rule can test and examples that fill the
// editor when clicked.

export const RULE_EXAMPLES: readonly { rule: string; meaning: string }[] = [
  {
    rule: 'orders >= 2 and last_order > 90 days ago',
    meaning: 'Repeat buyers who have not ordered for 90 days',
  },
  { rule: 'orders = 0 and last_seen within 7 days', meaning: 'Recent visitors who never ordered' },
  {
    rule: 'count(event = "Product Viewed" and category = "Shoes") within 7 days >= 3',
    meaning: 'Looked at shoes three times this week',
  },
  { rule: 'cart_value > 100 and session.orders = 0', meaning: 'A full cart in the latest visit, no order' },
  {
    rule: 'sum(revenue of event = "Order Completed") within 30 days > 200',
    meaning: 'Spent over 200 this month',
  },
  { rule: 'lifecycle_stage in ("at risk", "lapsed")', meaning: 'Customers slipping away' },
  { rule: 'churn_probability > 0.5 and predicted_clv > 100', meaning: 'Valuable customers likely to churn' },
  { rule: 'channels contains "app"', meaning: 'Used the app' },
];

const FIELD_GROUPS: readonly { title: string; fields: readonly string[]; note: string }[] = [
  {
    title: 'Numbers',
    fields: [
      'orders',
      'revenue',
      'events',
      'sessions',
      'average_order_value',
      'historic_clv',
      'predicted_clv',
      'churn_probability',
      'expected_purchases_52w',
      'rfm_recency',
      'rfm_frequency',
      'rfm_monetary',
      'cart_value',
    ],
    note: '=, !=, <, <=, >, >=, in (…)',
  },
  { title: 'Text', fields: ['rfm_segment', 'lifecycle_stage'], note: '= "…", in ("…", "…"), contains "…"' },
  {
    title: 'Dates',
    fields: ['first_seen', 'last_seen', 'first_order', 'last_order'],
    note: '> 90 days ago, within 2 weeks',
  },
  { title: 'Lists', fields: ['channels'], note: 'contains "web"' },
  {
    title: 'Latest session',
    fields: ['session.cart_value', 'session.orders', 'session.revenue', 'session.events'],
    note: 'numbers',
  },
  {
    title: 'Events',
    fields: ['count(…)', 'count_distinct(… of …)', 'sum(…)', 'avg(…)', 'min(…)', 'max(…)', 'exists(…)'],
    note: 'filter on event, category, channel, product_id, properties.<key>; then within N days or in session',
  },
];

interface Props {
  onPick: (rule: string) => void;
  onInsert: (text: string) => void;
}

export function RuleReference({ onPick, onInsert }: Props) {
  return (
    <aside className="rule-reference" aria-labelledby="rule-reference-title">
      <h3 id="rule-reference-title">Rule language</h3>
      <p className="hint">
        Combine conditions with <code>and</code>, <code>or</code>, <code>not</code> and parentheses;{' '}
        <code>#</code> starts a comment. Units: minutes, hours, days, weeks. Any field: <code>is null</code>,{' '}
        <code>is not null</code>.
      </p>
      <dl className="field-groups">
        {FIELD_GROUPS.map((group) => (
          <div key={group.title}>
            <dt>{group.title}</dt>
            <dd>
              {group.fields.map((field) => (
                <button
                  key={field}
                  type="button"
                  className="snippet snippet-field"
                  title={`Insert ${field}`}
                  onClick={() => onInsert(field.replace('(…)', '(').replace('(… of …)', '('))}
                >
                  {field}
                </button>
              ))}
              <span className="hint"> {group.note}</span>
            </dd>
          </div>
        ))}
      </dl>
      <h4>Examples</h4>
      <ul className="example-list">
        {RULE_EXAMPLES.map((example) => (
          <li key={example.rule}>
            <button
              type="button"
              className="snippet"
              data-testid="segment-example"
              onClick={() => onPick(example.rule)}
            >
              <code>{example.rule}</code>
            </button>
            <span className="hint">{example.meaning}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
