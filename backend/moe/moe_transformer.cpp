#include "backend/moe/internal/moe_transformer.h"

namespace routescope::moe {

MoeBlockImpl::MoeBlockImpl(const MoeModelConfig& config, bool moe) {
  const auto residual = nn::parseResidualKind(config.residual);
  attention_residual = register_module("attention_residual", nn::Residual(config.d_model, residual));
  attention =
      register_module("attention", nn::MultiHeadAttention(nn::AttentionOptions{
                                       config.d_model, config.heads, /*causal=*/true, /*bias=*/true}));
  ffn_residual = register_module("ffn_residual", nn::Residual(config.d_model, residual));
  if (moe) {
    experts = register_module("experts", Experts(config.experts, config.d_model, config.ffn));
  } else {
    dense = register_module("dense", nn::FeedForward(config.d_model, config.ffn));
  }
}

MoeTransformerImpl::MoeTransformerImpl(const MoeModelConfig& config) : config_(config) {
  embedding_ = register_module("embedding", torch::nn::Embedding(config.vocab, config.d_model));
  torch::nn::init::normal_(embedding_->weight, 0.0, 0.02);
  positional_ = register_module(
      "positional",
      nn::PositionalEncoding(nn::parsePositionalKind(config.positional), config.context, config.d_model));
  blocks_ = register_module("blocks", torch::nn::ModuleList());
  for (int64_t i = 0; i < config.layers; ++i) blocks_->push_back(MoeBlock(config, config.isMoeLayer(i)));
  router = register_module("router", Router(config));
  final_norm_ =
      register_module("final_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.d_model})));
  head_ = register_module(
      "head", torch::nn::Linear(torch::nn::LinearOptions(config.d_model, config.vocab).bias(false)));
}

Dispatch MoeTransformerImpl::route(const torch::Tensor& probs, int64_t group_size) const {
  const double cf = is_training() ? config_.capacity_train : config_.capacity_eval;
  const int64_t capacity = expertCapacity(cf, group_size, config_.experts);
  switch (config_.router) {
    case RouterKind::ExpertChoice:
      return dispatchExpertChoice(probs, config_.top_k, group_size, capacity);
    case RouterKind::Dropless:
      return dispatchTokenChoice(probs, config_.top_k, group_size, std::nullopt, config_.renormalise,
                                 DropOrder::Position);
    case RouterKind::Priority:
      return dispatchTokenChoice(probs, config_.top_k, group_size, capacity, config_.renormalise,
                                 DropOrder::Priority);
    case RouterKind::Linear:
    case RouterKind::Gru:
      break;
  }
  return dispatchTokenChoice(probs, config_.top_k, group_size, capacity, config_.renormalise,
                             DropOrder::Position);
}

ForwardResult MoeTransformerImpl::forward(const torch::Tensor& tokens, const ForwardOptions& options) {
  const int64_t batch = tokens.size(0), seq = tokens.size(1), d = config_.d_model;
  const int64_t group_size = config_.group_batch ? batch * seq : seq;
  ForwardResult result;
  auto x = positional_->forward(embedding_->forward(tokens));
  torch::Tensor router_state;
  int64_t moe_layer = 0;
  for (const auto& module : *blocks_) {
    auto block = module->as<MoeBlockImpl>();
    x = block->attention_residual->add(x, block->attention->forward(block->attention_residual->input(x)));
    auto y = block->ffn_residual->input(x);
    if (!block->experts) {
      x = block->ffn_residual->add(x, block->dense->forward(y));
      continue;
    }
    auto flat = y.reshape({batch * seq, d});
    RouterOutput gate = router->forward(moe_layer, flat, router_state, options.want_update_gate);
    router_state = gate.state;
    LayerRouting routing;
    routing.logits = gate.logits;
    routing.probs = gate.logits.softmax(-1);
    routing.dispatch = route(routing.probs, group_size);
    routing.state = gate.state;
    routing.update_gate = gate.update_gate;
    routing.balance_loss = balanceLoss(routing.probs, routing.dispatch.topk_ids, config_.balance_coef);
    routing.z_loss = zLoss(routing.logits, config_.z_coef);
    x = block->ffn_residual->add(x, block->experts->forward(flat, routing.dispatch).view({batch, seq, d}));
    result.aux_loss = result.aux_loss.defined() ? result.aux_loss + routing.balance_loss + routing.z_loss
                                                : routing.balance_loss + routing.z_loss;
    result.routing.push_back(std::move(routing));
    ++moe_layer;
  }
  result.logits = head_->forward(final_norm_->forward(x));
  return result;
}

std::pair<torch::Tensor, ForwardResult> nextTokenLoss(MoeTransformer& model, const torch::Tensor& windows) {
  const int64_t length = windows.size(1) - 1;
  auto result = model->forward(windows.slice(1, 0, length));
  const int64_t vocab = result.logits.size(-1);
  auto loss = torch::nn::functional::cross_entropy(result.logits.reshape({-1, vocab}),
                                                   windows.slice(1, 1).reshape(-1));
  return {loss, std::move(result)};
}

}  // namespace routescope::moe
