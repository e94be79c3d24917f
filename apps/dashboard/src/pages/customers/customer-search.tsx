// Search box of the Customers page: any identifier (customer id, user id, anonymous id, e-mail, profile
// id) opens that customer's 360 view at `#/customers/<identifier>`.
import { type FormEvent, useState } from 'react';
import { useNavigate } from '../../routing/hash-route';

interface Props {
  /** The identifier shown now, to prefill the box. */
  initial?: string;
}

export function CustomerSearch({ initial = '' }: Props) {
  const [text, setText] = useState(initial);
  const navigate = useNavigate();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const identifier = text.trim();
    if (identifier !== '') navigate('customers', identifier);
  };

  return (
    <form className="card search-card" aria-label="Find a customer" onSubmit={submit}>
      <label className="field search-field">
        <span className="field-label">Find a customer</span>
        <input
          type="search"
          data-testid="customer-search"
          name="identifier"
          spellCheck={false}
          autoComplete="off"
          placeholder="Customer id, user id, anonymous id, e-mail or profile id"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button type="submit" className="button-primary" data-testid="customer-search-submit">
        Open
      </button>
    </form>
  );
}
