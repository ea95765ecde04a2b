-- The shipped sample plan gains the sub-form for plans and directives issued and posted
-- (2.1 "Kế hoạch, văn bản chỉ đạo", id `directive`), which part I.1 of the report lists one
-- by one (shared/plans/sample-plan.yaml, checked against this row by
-- tests/integration/plans.test.ts). Only while it is still the untouched sample: a ward's
-- own edits are never overwritten.
UPDATE `plans` SET `structure` = json_insert(`structure`, '$.forms[0].subForms[#]', json('{"id":"directive","title":"Kế hoạch, văn bản chỉ đạo"}'))
WHERE `id` = 'sample-nq57' AND `is_sample` = 1 AND json_extract(`structure`, '$.forms[0].code') = '2.1';
