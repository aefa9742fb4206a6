--
-- read_sheet: what kansa reads from a delimited-text answer sheet.
--
SET search_path = kansa, public;

-- comma-separated, quoted fields with commas, line breaks and doubled quotes
SELECT row_number, column_number, value FROM read_sheet(convert_to(
'No.,項目,回答
設1,"建物は、耐火構造です","はい
（""耐火建築物""）"
設2,,○
', 'UTF8'));

-- tab-separated is guessed from the first line; CRLF and CR line ends
SELECT row_number, column_number, value
  FROM read_sheet(convert_to(E'id\tanswer\r\n運1\t実施\r運2\t"a, b"\r\n', 'UTF8'));
-- unless the format says otherwise
SELECT row_number, column_number, value
  FROM read_sheet(convert_to(E'a\tb,c\n', 'UTF8'), '{"format": "csv"}');
SELECT row_number, column_number, value
  FROM read_sheet(convert_to(E'a,b\tc\n', 'UTF8'), '{"delimiter": "tab"}');

-- encodings: UTF-8 with a byte-order mark, CP932 (Japanese Excel's CSV),
-- UTF-16LE with a byte-order mark (Excel's Unicode text)
SELECT row_number, column_number, value
  FROM read_sheet('\xefbbbf'::bytea || convert_to(E'管理策,回答\n12.1.2,該当なし\n', 'UTF8'));
SELECT row_number, column_number, value
  FROM read_sheet(convert_to(E'管理策,回答\n12.1.2,ログは①過去１年間保管\n', 'SJIS'));
SELECT row_number, column_number, value
  FROM read_sheet('\xfffe'::bytea || '\x61000900fd5b0a00'::bytea);
SELECT row_number, column_number, value
  FROM read_sheet(convert_to(E'a,b\n', 'UTF8'), '{"encoding": "cp932"}');

-- text after a closing quote joins the field; empty cells are not rows
SELECT row_number, column_number, value FROM read_sheet(convert_to(E'"ab"c,,d\n\n,e', 'UTF8'));

-- bad input
SELECT * FROM read_sheet(convert_to(E'a,"unterminated\n', 'UTF8'));
SELECT * FROM read_sheet('\x82a0ff2c41'::bytea);
SELECT * FROM read_sheet('\x504b0304'::bytea);
SELECT * FROM read_sheet(convert_to('a', 'UTF8'), '{"format": "pdf"}');
SELECT * FROM read_sheet(convert_to('a', 'UTF8'), '{"encoding": "ebcdic"}');
SELECT * FROM read_sheet(convert_to('a', 'UTF8'), '{"delimiter": ";"}');
SELECT * FROM read_sheet(convert_to('a', 'UTF8'), '{"format": 1}');
SELECT * FROM read_sheet('\xfffe6100'::bytea || '\x00d8'::bytea);
SELECT count(*) FROM read_sheet(''::bytea);
