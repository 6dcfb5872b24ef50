#pragma once
// OLMoE-style JSONL for routing traces: one line per sequence,
//   {"input_ids": [...], "predicted_token_ids": [...], "exp_ids": [token][k][layer], ...}
// Note the index order of exp_ids: top-k choice before layer (the binary trace stores
// [token][layer][k]). Optional per-line fields: "exp_probs" and "dropped" (same order as
// exp_ids; dropped as 0/1), "domain", "num_experts". Imports accept lines without them.

#include <string>
#include <string_view>
#include <vector>

#include "backend/moe/trace.h"

namespace routescope::moe {

std::string traceToJsonl(const RoutingTrace& trace);
// Writes atomically (temporary file, then rename). Throws core::Error naming the file.
void writeTraceJsonl(const RoutingTrace& trace, const std::string& path);

// Parses JSONL text; errors are one line "NAME:LINE: what is wrong". Empty lines are skipped.
RoutingTrace parseTraceJsonl(std::string_view text, const std::string& name_for_errors);
// Reads a JSONL file; with `tokenizer_json` (a Hugging Face tokenizer.json, may be empty) the
// trace's pieces give ids their strings. router = "imported", tokenizer_kind "huggingface" or "".
RoutingTrace readTraceJsonl(const std::string& path, const std::string& tokenizer_json = {});

// pieces[id] from a Hugging Face tokenizer.json: model.vocab (a {piece: id} map for BPE/WordPiece,
// or a [[piece, score], ...] list for Unigram) plus added_tokens. Ids without a piece get "".
std::vector<std::string> readHuggingFaceVocab(const std::string& path);

}  // namespace routescope::moe
