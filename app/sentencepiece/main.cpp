// routescope-sentencepiece: SentencePiece in a process of its own.
//
// Debian's libsentencepiece carries its own copy of protobuf-lite and exports it; Debian's
// LibTorch loads libprotobuf.so.32. In one process the two copies interpose each other's symbols
// and the program crashes while loading. So RouteScope never links SentencePiece into a LibTorch
// process: it trains and tokenizes through this small tool (see backend/moe/sentencepiece_service.h).
//
//   routescope-sentencepiece train --input=F --model_prefix=P ...   SentencePieceTrainer flags
//   routescope-sentencepiece serve                                  binary protocol on stdin/stdout:
//     request  u64 model size, model bytes          reply u8 ok, then u32 pieces, per piece
//                                                        u8 is_byte, u32 size, bytes (or u32 size + error)
//     request  'E' u64 size, text                   reply u64 count, count × i32 ids
//     request  'D' u64 count, count × i32 ids       reply u64 size, text
//     request  'Q'                                  the tool exits
#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <cstdint>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

namespace {

bool readExact(void* data, size_t size) {
  return std::fread(data, 1, size, stdin) == size;
}
void writeExact(const void* data, size_t size) {
  std::fwrite(data, 1, size, stdout);
}
template <typename T>
bool readValue(T& value) {
  return readExact(&value, sizeof value);
}
template <typename T>
void writeValue(const T& value) {
  writeExact(&value, sizeof value);
}

int serve() {
  uint64_t size = 0;
  if (!readValue(size)) return 1;
  std::string proto(size, '\0');
  if (!readExact(proto.data(), size)) return 1;
  sentencepiece::SentencePieceProcessor processor;
  const auto status = processor.LoadFromSerializedProto(proto);
  if (!status.ok()) {
    const std::string message = status.ToString();
    writeValue<uint8_t>(0);
    writeValue<uint32_t>(static_cast<uint32_t>(message.size()));
    writeExact(message.data(), message.size());
    std::fflush(stdout);
    return 1;
  }
  writeValue<uint8_t>(1);
  writeValue<uint32_t>(static_cast<uint32_t>(processor.GetPieceSize()));
  for (int id = 0; id < processor.GetPieceSize(); ++id) {
    const std::string& piece = processor.IdToPiece(id);
    writeValue<uint8_t>(processor.IsByte(id) ? 1 : 0);
    writeValue<uint32_t>(static_cast<uint32_t>(piece.size()));
    writeExact(piece.data(), piece.size());
  }
  std::fflush(stdout);
  for (char op = 0; readValue(op);) {
    if (op == 'Q') return 0;
    uint64_t count = 0;
    if (!readValue(count)) return 1;
    if (op == 'E') {
      std::string text(count, '\0');
      if (!readExact(text.data(), count)) return 1;
      std::vector<int> ids;
      processor.Encode(text, &ids).IgnoreError();
      writeValue<uint64_t>(ids.size());
      for (int id : ids) writeValue<int32_t>(id);
    } else if (op == 'D') {
      std::vector<int32_t> ids(count);
      if (!readExact(ids.data(), count * sizeof(int32_t))) return 1;
      std::string text;
      processor.Decode(std::vector<int>(ids.begin(), ids.end()), &text).IgnoreError();
      writeValue<uint64_t>(text.size());
      writeExact(text.data(), text.size());
    } else {
      return 1;
    }
    std::fflush(stdout);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "serve") return serve();
  if (mode == "train") {
    std::string flags;
    for (int i = 2; i < argc; ++i) flags += std::string(i > 2 ? " " : "") + argv[i];
    const auto status = sentencepiece::SentencePieceTrainer::Train(flags);
    if (!status.ok()) {
      std::cerr << status.ToString() << "\n";
      return 1;
    }
    return 0;
  }
  std::cerr << "usage: routescope-sentencepiece train FLAGS... | serve\n";
  return 2;
}
