/* tandem-journey-route.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
} TandemPoint;

gboolean tandem_route_orthogonal        (const cairo_rectangle_t *from,
                                         const cairo_rectangle_t *to,
                                         const cairo_rectangle_t *obstacles,
                                         guint                    n_obstacles,
                                         const cairo_rectangle_t *region,
                                         double                   clearance_x,
                                         double                   clearance_y,
                                         GArray                  *points);
gboolean tandem_route_orthogonal_ports  (const cairo_rectangle_t *from,
                                         double                   from_offset,
                                         const cairo_rectangle_t *to,
                                         double                   to_offset,
                                         const cairo_rectangle_t *obstacles,
                                         guint                    n_obstacles,
                                         const cairo_rectangle_t *region,
                                         double                   clearance_x,
                                         double                   clearance_y,
                                         GArray                  *points);
void     tandem_route_direct            (const cairo_rectangle_t *from,
                                         const cairo_rectangle_t *to,
                                         GArray                  *points);
gboolean tandem_route_crosses           (const TandemPoint       *points,
                                         guint                    n_points,
                                         const cairo_rectangle_t *rect);
double   tandem_route_distance          (const TandemPoint       *points,
                                         guint                    n_points,
                                         double                   x,
                                         double                   y);

G_END_DECLS
