/** The control for a field's type; the question around it (label, hint, error) is QuestionField's. */
import { Checkboxes } from "./checkboxes";
import { CommuneSelect } from "./commune-select";
import { DateInput } from "./date-input";
import { DocumentField } from "./document-field";
import type { FieldProps, FileStore, LeafFieldOfType } from "./field-props";
import { LongTextInput } from "./long-text-input";
import { NumberInput } from "./number-input";
import { ChoiceRadios, YesNoRadios } from "./radios";
import { TextInput } from "./text-input";

export interface FieldControlProps extends FieldProps {
  readonly files: FileStore;
}

export function FieldControl({ files, ...props }: FieldControlProps) {
  const { field } = props;
  // The switch checks the type; the casts only say so where one schema variant holds several types.
  switch (field.type) {
    case "text":
    case "phone":
    case "email":
      return <TextInput {...props} field={field as LeafFieldOfType<"text" | "phone" | "email">} />;
    case "longText":
      return <LongTextInput {...props} field={field as LeafFieldOfType<"longText">} />;
    case "integer":
    case "amount":
      return <NumberInput {...props} field={field} />;
    case "date":
      return <DateInput {...props} field={field} />;
    case "yesNo":
      return <YesNoRadios {...props} field={field as LeafFieldOfType<"yesNo">} />;
    case "choice":
      return <ChoiceRadios {...props} field={field} />;
    case "choices":
      return <Checkboxes {...props} field={field} />;
    case "commune":
      return <CommuneSelect {...props} field={field as LeafFieldOfType<"commune">} />;
    case "document":
      return <DocumentField {...props} field={field} files={files} />;
  }
}
