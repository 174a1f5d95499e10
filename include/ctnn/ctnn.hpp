// ctnn: compile-time neural networks. The umbrella header: it only includes.
//
//   core     shapes and tensor types                 core/
//   quant    fixed point, multipliers, activations   quant/
//   kernels  the arithmetic (reference, portable)    kernels/
//   layers   operators as types                      layers/
//   graph    models as types, running them           graph/
//   plan     the compile-time arena planner          plan/
//   budget   RAM/flash budgets and targets           budget/
#pragma once

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/quant/activation.hpp"
#include "ctnn/quant/fixed_point.hpp"
#include "ctnn/quant/qparams.hpp"
#include "ctnn/quant/quantize_multiplier.hpp"
#include "ctnn/layers/activations.hpp"
#include "ctnn/layers/add.hpp"
#include "ctnn/layers/batch_matmul.hpp"
#include "ctnn/layers/concatenation.hpp"
#include "ctnn/layers/batch_to_space_nd.hpp"
#include "ctnn/layers/broadcast_to.hpp"
#include "ctnn/layers/conv2d.hpp"
#include "ctnn/layers/depth_to_space.hpp"
#include "ctnn/layers/depthwise_conv2d.hpp"
#include "ctnn/layers/fully_connected.hpp"
#include "ctnn/layers/gather.hpp"
#include "ctnn/layers/hard_swish.hpp"
#include "ctnn/layers/l2_normalization.hpp"
#include "ctnn/layers/log_softmax.hpp"
#include "ctnn/layers/mean.hpp"
#include "ctnn/layers/mirror_pad.hpp"
#include "ctnn/layers/pad.hpp"
#include "ctnn/layers/pool2d.hpp"
#include "ctnn/layers/quantize.hpp"
#include "ctnn/layers/reduce.hpp"
#include "ctnn/layers/arg_max.hpp"
#include "ctnn/layers/reshape.hpp"
#include "ctnn/layers/resize_bilinear.hpp"
#include "ctnn/layers/resize_nearest_neighbor.hpp"
#include "ctnn/layers/softmax.hpp"
#include "ctnn/layers/split.hpp"
#include "ctnn/layers/space_to_batch_nd.hpp"
#include "ctnn/layers/space_to_depth.hpp"
#include "ctnn/layers/strided_slice.hpp"
#include "ctnn/layers/transpose_conv2d.hpp"
#include "ctnn/graph/graph.hpp"
#include "ctnn/graph/instance.hpp"
#include "ctnn/graph/placed.hpp"
#include "ctnn/graph/with_options.hpp"
#include "ctnn/plan/arena_planner.hpp"
#include "ctnn/budget/budget.hpp"
#include "ctnn/budget/targets.hpp"
#include "ctnn/core/argmax.hpp"
